package io.jenkins.plugins.tglive;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import java.util.ArrayList;
import java.util.List;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import org.junit.jupiter.api.Test;

/** Jenkins finds extensions through SezPoz's index, which javac writes for {@code @Extension}. */
class ExtensionIndexTest {

  @Test
  void configurationAndDescriptorsAreIndexedExtensions() {
    List<String> indexed = new ArrayList<>();
    for (IndexItem<Extension, Object> item : Index.load(Extension.class, Object.class)) {
      indexed.add(item.className());
    }

    assertThat(indexed).contains(
        TerragruntLiveConfiguration.class.getName(), AccountConfig.DescriptorImpl.class.getName(),
        TerragruntStackStep.DescriptorImpl.class.getName(), TgPlanPathStep.DescriptorImpl.class.getName(),
        TgApplyPathStep.DescriptorImpl.class.getName(), TerragruntRunListener.class.getName(),
        NotificationConfig.DescriptorImpl.class.getName(), QueueTrigger.DescriptorImpl.class.getName(),
        QueueEvents.class.getName(), QueueRunListener.class.getName(), QueueDispatcher.class.getName(),
        QueueRootAction.class.getName());
  }
}
