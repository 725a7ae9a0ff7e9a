package io.jenkins.plugins.tglive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs after packaging (failsafe): no Jenkins API stub (src/stubs/java) nor test-scope API stub
 * (src/test-stubs/java) may ship in plugin-offline's or the cli's jar.
 */
class NoStubsInArtifactsIT {

  @Test
  void packagedJarsContainNoStubClasses() throws Exception {
    List<Path> jars = Arrays.stream(System.getProperty("tglive.artifacts").split(",")).map(Path::of).toList();

    assertThat(jars).allSatisfy(jar -> {
      assertThat(jar).as("artifact to inspect").isRegularFile();
      try (JarFile contents = new JarFile(jar.toFile())) {
        List<String> stubs = contents.stream()
            .map(JarEntry::getName)
            .filter(name -> name.endsWith(".class"))
            .filter(name -> Stream.concat(StubSignaturesManifestTest.STUB_PACKAGES.stream(),
                    StubSignaturesManifestTest.TEST_STUB_PACKAGES.stream())
                .anyMatch(p -> name.startsWith(p + "/")))
            .toList();
        assertThat(stubs).as("stub classes in %s", jar).isEmpty();
      }
    });
    try (JarFile pluginJar = new JarFile(jars.get(0).toFile())) {
      assertThat(pluginJar.getEntry("io/jenkins/plugins/tglive/TerragruntLiveConfiguration.class"))
          .as("the plugin's own classes are packaged")
          .isNotNull();
    }
  }
}
