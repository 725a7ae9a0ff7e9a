package io.tglive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StandardErrorTest {

  @Test
  void pseudoTerminalsAndConsolesAreTerminals() {
    assertThat(StandardError.isTerminalDevice("/dev/pts/3")).isTrue();
    assertThat(StandardError.isTerminalDevice("/dev/tty1")).isTrue();
    assertThat(StandardError.isTerminalDevice("/dev/console")).isTrue();
  }

  @Test
  void filesPipesAndNullAreNotTerminals() {
    assertThat(StandardError.isTerminalDevice("/tmp/tglive.log")).isFalse();
    assertThat(StandardError.isTerminalDevice("pipe:[12345]")).isFalse();
    assertThat(StandardError.isTerminalDevice("/dev/null")).isFalse();
  }
}
