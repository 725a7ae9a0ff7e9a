package io.jenkins.plugins.tglive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Stub fidelity: every public or protected member of plugin-offline's hand-written stubs (listed in
 * stub-signatures.txt for the Jenkins API the plugin compiles against, and in test-stub-signatures.txt
 * for the test-scope APIs its tests compile against there; both kept current by plugin-offline's
 * StubSignaturesManifestTest) must exist with the same signature, declared in the same class, in the
 * real classes on this classpath.
 */
class StubSignaturesTest {

  @Test
  void everyStubMemberExistsInTheRealJenkinsApi() throws Exception {
    assertThat(missingFromTheRealClasses(StubSignatures.MANIFEST))
        .as("stub members that the real Jenkins API does not have")
        .isEmpty();
  }

  @Test
  void everyTestStubMemberExistsInTheRealTestApis() throws Exception {
    assertThat(missingFromTheRealClasses(StubSignatures.TEST_MANIFEST))
        .as("test stub members that the real test harness, workflow or JCasC classes do not have")
        .isEmpty();
  }

  private List<String> missingFromTheRealClasses(String resource) throws Exception {
    List<String> manifest;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      manifest = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .toList();
    }
    assertThat(manifest).as(resource).isNotEmpty();
    Map<String, List<String>> byOwner = manifest.stream()
        .collect(Collectors.groupingBy(StubSignatures::owner, LinkedHashMap::new, Collectors.toList()));

    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, List<String>> stub : byOwner.entrySet()) {
      List<String> real = StubSignatures.of(Class.forName(stub.getKey(), false, getClass().getClassLoader()));
      stub.getValue().stream().filter(line -> !real.contains(line)).forEach(missing::add);
    }
    return missing;
  }
}
