package io.tglive.stack.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tglive.stack.StackResult;
import io.tglive.stack.StackSamples;
import org.junit.jupiter.api.Test;

class StackJsonReaderTest {

  @Test
  void readsBackWhatTheRendererWrote() {
    StackResult result = StackSamples.result();

    assertThat(StackJsonReader.read(StackJsonRenderer.render(result))).isEqualTo(result);
  }

  @Test
  void rejectsOtherDocuments() {
    assertThatThrownBy(() -> StackJsonReader.read("{\"units\": []}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a stack JSON document: no 'order'");
    assertThatThrownBy(() -> StackJsonReader.read("{"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a stack JSON document: ");
  }
}
