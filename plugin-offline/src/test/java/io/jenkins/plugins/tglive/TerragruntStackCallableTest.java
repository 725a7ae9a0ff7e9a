package io.jenkins.plugins.tglive;

import static org.assertj.core.api.Assertions.assertThat;

import io.tglive.change.DiffMode;
import io.tglive.stack.CiStackRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerragruntStackCallableTest {

  @TempDir Path dir;

  private LiveRepoFixture repo;

  @BeforeEach
  void repository() throws Exception {
    repo = new LiveRepoFixture(dir);
  }

  @AfterEach
  void close() {
    repo.close();
  }

  private static TerragruntStackCallable callable(String base, String head, Map<String, String> env) {
    return new TerragruntStackCallable(
        new CiStackRequest(base, head, null, env, DiffMode.MERGE_BASE, true, false, null, false, null));
  }

  @Test
  void rendersTheStackOfTheCheckedOutChange() throws Exception {
    TerragruntStackCallable.Outcome outcome = callable("main", null, Map.of()).invoke(dir.toFile(), null);

    assertThat(outcome.status()).isEqualTo(TerragruntStackCallable.Outcome.COMPLETE);
    assertThat(outcome.revisions()).isEqualTo("base main (given), head HEAD (the checked-out commit)");
    assertThat(outcome.base()).isEqualTo(repo.main.name());
    assertThat(outcome.head()).isEqualTo(repo.feature.name());
    assertThat(outcome.text()).startsWith("stack " + repo.main.name().substring(0, 10) + "..")
        .contains("apply live/vpc", "apply live/app");
    assertThat(outcome.json()).contains("\"path\": \"live/app\"");
    assertThat(outcome.error()).isNull();
  }

  @Test
  void mapsTheGivenChangedFilesInsteadOfDiffing() throws Exception {
    TerragruntStackCallable callable = new TerragruntStackCallable(new CiStackRequest("main", "feature", null, Map.of(),
        DiffMode.TREE, true, false, List.of("live/app/terragrunt.hcl"), false, null));

    TerragruntStackCallable.Outcome outcome = callable.invoke(dir.toFile(), null);

    assertThat(outcome.text()).contains("apply live/app").doesNotContain("live/vpc");
  }

  @Test
  void reportsWhyThereIsNoStack() throws Exception {
    TerragruntStackCallable.Outcome outcome = callable(null, null, Map.of("CHANGE_ID", "7", "CHANGE_TARGET", "release"))
        .invoke(dir.toFile(), null);

    assertThat(outcome.status()).isEqualTo(TerragruntStackCallable.Outcome.ERROR);
    assertThat(outcome.error())
        .startsWith("no base revision found in this clone; tried origin/release (target branch of change 7,");
    assertThat(outcome.json()).isNull();
  }

  @Test
  void travelsToTheAgentAndBackAsJavaSerialization() throws Exception {
    TerragruntStackCallable sent = overTheWire(callable(null, null, Map.of("CHANGE_ID", "7", "CHANGE_TARGET", "main")));

    TerragruntStackCallable.Outcome outcome = sent.invoke(dir.toFile(), null);

    assertThat(overTheWire(outcome)).isEqualTo(outcome);
    assertThat(outcome.revisions()).startsWith("base main (target branch of change 7, CHANGE_TARGET)");
  }

  @SuppressWarnings("unchecked")
  static <T> T overTheWire(T object) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(object);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
