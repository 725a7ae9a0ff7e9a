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
 * Stub fidelity: every public or protected member of plugin-offline's hand-written Jenkins stubs (listed
 * in stub-signatures.txt, kept current by plugin-offline's StubSignaturesManifestTest) must exist with
 * the same signature, declared in the same class, in the real Jenkins API on this classpath.
 */
class StubSignaturesTest {

  @Test
  void everyStubMemberExistsInTheRealJenkinsApi() throws Exception {
    List<String> manifest;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(StubSignatures.MANIFEST)) {
      assertThat(in).as(StubSignatures.MANIFEST).isNotNull();
      manifest = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .toList();
    }
    Map<String, List<String>> byOwner = manifest.stream()
        .collect(Collectors.groupingBy(StubSignatures::owner, LinkedHashMap::new, Collectors.toList()));

    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, List<String>> stub : byOwner.entrySet()) {
      List<String> real = StubSignatures.of(Class.forName(stub.getKey(), false, getClass().getClassLoader()));
      stub.getValue().stream().filter(line -> !real.contains(line)).forEach(missing::add);
    }

    assertThat(manifest).isNotEmpty();
    assertThat(missing).as("stub members that the real Jenkins API does not have").isEmpty();
  }
}
