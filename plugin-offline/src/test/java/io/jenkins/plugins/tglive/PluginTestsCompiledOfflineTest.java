package io.jenkins.plugins.tglive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The compile-only execution of pom.xml really covers ../plugin/src/test/java: every source there has
 * its class in target/plugin-test-classes (a moved source root would otherwise compile nothing, silently).
 */
class PluginTestsCompiledOfflineTest {

  private static final Path PLUGIN_TESTS = Path.of("../plugin/src/test/java");
  private static final Path COMPILED = Path.of("target/plugin-test-classes");

  @Test
  void everyTestSourceOfThePluginIsCompiledAgainstTheStubs() throws Exception {
    List<Path> sources;
    try (Stream<Path> files = Files.walk(PLUGIN_TESTS)) {
      sources = files.filter(f -> f.toString().endsWith(".java")).map(PLUGIN_TESTS::relativize).toList();
    }

    assertThat(sources).isNotEmpty().allSatisfy(source -> assertThat(COMPILED.resolve(
            source.toString().replaceAll("\\.java$", ".class")))
        .as("class compiled offline from plugin/src/test/java/%s", source)
        .isRegularFile());
  }
}
