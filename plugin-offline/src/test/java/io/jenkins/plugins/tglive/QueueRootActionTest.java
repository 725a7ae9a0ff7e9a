package io.jenkins.plugins.tglive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;

import hudson.ExtensionList;
import hudson.model.Job;
import hudson.security.Permission;
import io.tglive.queue.DeployQueue;
import io.tglive.queue.EntryState;
import io.tglive.queue.QueueDirectory;
import io.tglive.queue.QueueEntry;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.interceptor.RequirePOST;
import org.mockito.MockedStatic;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The deploy queues page: positions and states; override and remove, POST only, for administrators. */
class QueueRootActionTest {

  @TempDir Path home;

  private QueueFixture jenkins;
  private Job<?, ?> deploy;

  @BeforeEach
  void queueOfThree() throws Exception {
    jenkins = new QueueFixture(home);
    deploy = QueueFixture.job("live-deploy");
    jenkins.trigger(deploy, "acme/live", 3);
    QueueEvents.deliver(QueueFixture.merged(11, "a11", "2026-01-01T09:00:00Z"), QueueDispatch.jenkins());
    QueueEvents.deliver(QueueFixture.merged(12, "a12", "2026-01-01T10:00:00Z"), QueueDispatch.jenkins());
    QueueEvents.deliver(QueueFixture.merged(13, "a13", "2026-01-01T11:00:00Z"), QueueDispatch.jenkins());
  }

  @AfterEach
  void stop() {
    jenkins.close();
  }

  private List<QueueEntry> waiting() throws Exception {
    try (DeployQueue queue = DeployQueue.open(QueueDirectory.of(home.resolve("tglive-queues"), "acme/live"))) {
      return queue.waiting("acme/live");
    }
  }

  private static QueueRootAction.Reply change(String what, String queue, String pr, boolean manager) {
    return QueueRootAction.change(QueueDispatch.jenkins(), what, queue, pr, "not today", manager, "alice",
        TerragruntLiveConfiguration.DEFAULT_QUEUE_PERMISSION);
  }

  @Test
  void thePageListsEachQueueWithTheDeployingEntryThenTheWaitingOnesByPosition() {
    List<QueueRootAction.QueueView> queues = QueueRootAction.queues(QueueDispatch.jenkins());

    assertThat(queues).singleElement().satisfies(queue -> {
      assertThat(queue.name()).isEqualTo("acme/live");
      assertThat(queue.jobs()).containsExactly("live-deploy");
      assertThat(queue.error()).isNull();
      assertThat(queue.rows()).extracting(QueueRootAction.Row::position, r -> r.entry().pr(),
          r -> r.entry().state()).containsExactly(
              org.assertj.core.groups.Tuple.tuple("now", 11, EntryState.DEPLOYING),
              org.assertj.core.groups.Tuple.tuple("1", 12, EntryState.QUEUED),
              org.assertj.core.groups.Tuple.tuple("2", 13, EntryState.QUEUED));
    });
  }

  @Test
  void anAdministratorMovesAPullRequestToTheFrontAndRemovesOneWithTheReason() throws Exception {
    QueueRootAction.Reply moved = change("override", "acme/live", "13", true);
    assertThat(moved).isEqualTo(new QueueRootAction.Reply(200, "override: PR #13 (a13) in queue acme/live by alice"));
    assertThat(waiting()).extracting(QueueEntry::pr).containsExactly(13, 12);

    QueueRootAction.Reply removed = change("remove", "acme/live", "12", true);
    assertThat(removed.status()).isEqualTo(200);
    assertThat(waiting()).extracting(QueueEntry::pr).containsExactly(13);
  }

  @Test
  void withoutThePermissionOrWithBadInputNothingChangesAndTheAnswerSaysWhy() throws Exception {
    assertThat(change("override", "acme/live", "13", false)).isEqualTo(new QueueRootAction.Reply(403,
        "alice may not override: it needs the Overall/Administer permission"));
    assertThat(change("override", "acme/other", "13", true)).isEqualTo(new QueueRootAction.Reply(404,
        "no deploy queue named 'acme/other'"));
    assertThat(change("remove", "acme/live", "x", true)).isEqualTo(new QueueRootAction.Reply(400,
        "pr must be a pull request number, not 'x'"));
    assertThat(change("remove", "acme/live", "11", true)).isEqualTo(new QueueRootAction.Reply(409,
        "cannot remove PR #11: it is deploying in queue acme/live; complete it, or release change to a newer commit"));
    assertThat(waiting()).extracting(QueueEntry::pr).containsExactly(12, 13);
  }

  @Test
  void theManagersAreTheUsersHoldingTheConfiguredPermissionAndARefusalNamesIt() {
    TerragruntLiveConfiguration config = mock(TerragruntLiveConfiguration.class);
    Permission build = mock(Permission.class);
    org.mockito.Mockito.when(config.queuePermissionId()).thenReturn("hudson.model.Item.Build");
    org.mockito.Mockito.when(config.queuePermission()).thenReturn(build);
    try (MockedStatic<ExtensionList> extensions = mockStatic(ExtensionList.class)) {
      extensions.when(() -> ExtensionList.lookupSingleton(TerragruntLiveConfiguration.class)).thenReturn(config);
      QueueRootAction action = mock(QueueRootAction.class, CALLS_REAL_METHODS);
      assertThat(action.isManager()).as("without Item.Build").isFalse();

      org.mockito.Mockito.when(jenkins.jenkins.hasPermission(build)).thenReturn(true);

      assertThat(action.isManager()).as("with Item.Build").isTrue();
    }
    assertThat(QueueRootAction.change(QueueDispatch.jenkins(), "remove", "acme/live", "13", null, false, "bob",
        "hudson.model.Item.Build")).isEqualTo(new QueueRootAction.Reply(403,
            "bob may not remove: it needs the hudson.model.Item.Build permission"));
  }

  @Test
  void overrideAndRemoveArePostOnlyEndpointsRoutableByStapler() throws Exception {
    for (String name : List.of("doOverride", "doRemove")) {
      Method method = QueueRootAction.class.getMethod(name, StaplerRequest2.class, StaplerResponse2.class);
      assertThat(method.isAnnotationPresent(RequirePOST.class)).as(name).isTrue();
    }
    QueueRootAction action = mock(QueueRootAction.class, CALLS_REAL_METHODS);
    assertThat(action.getUrlName()).isEqualTo("terragrunt-queues");
  }

  @Test
  void thePageEscapesByDefaultAndItsFormsPostTheQueueAndPullRequest() throws Exception {
    Path page = Path.of("../plugin/src/main/resources/io/jenkins/plugins/tglive/QueueRootAction/index.jelly");
    assertThat(Files.readString(page)).startsWith("<?jelly escape-by-default='true'?>");
    Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(page.toFile());
    NodeList forms = document.getElementsByTagName("form");
    assertThat(forms.getLength()).isEqualTo(2);
    for (int i = 0; i < forms.getLength(); i++) {
      Element form = (Element) forms.item(i);
      assertThat(form.getAttribute("method")).isEqualTo("post");
      assertThat(form.getAttribute("action")).isIn("override", "remove");
      assertThat(form.getElementsByTagName("input").getLength()).isGreaterThanOrEqualTo(3);
    }
  }
}
