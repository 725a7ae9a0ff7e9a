package io.tglive.preview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tglive.change.Reason;
import io.tglive.preview.render.PreviewFormat;
import io.tglive.preview.render.PreviewMarkdown;
import io.tglive.run.terragrunt.PlanSummary;
import io.tglive.stack.ApprovalPolicy;
import io.tglive.stack.StackAction;
import io.tglive.stack.StackUnit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The text, markdown and JSON of a preview, and which units wait. */
class PreviewRenderTest {

  private static final String HOSTILE = "dev/a|b`<script>@alice #12\n[x](y)*_";

  private static final PlanSummary CREATE = new PlanSummary(1, 0, 0, 0, List.of("create terraform_data.this"),
      new TreeSet<>(List.of("terraform.io/builtin/terraform")), List.of("terraform_data.this"), new TreeSet<>(),
      List.of("value"), "ab".repeat(32));

  private static PreviewSummary summary(List<PreviewUnit> units) {
    return new PreviewSummary("a".repeat(40), "b".repeat(40), "base main, head pr", units, List.of(), List.of(),
        Duration.ofSeconds(3));
  }

  private static PreviewUnit changes(String path) {
    return new PreviewUnit(path, StackAction.APPLY, List.of("changed"), "prod",
        new ApprovalPolicy(List.of("alice", "group:leads"), 2, 1), PreviewStatus.CHANGES, CREATE, List.of(), null,
        Duration.ofSeconds(2));
  }

  private static PreviewUnit waiting(String path, String... after) {
    return new PreviewUnit(path, StackAction.APPLY, List.of("dependent-of:" + after[0]), null, null,
        PreviewStatus.WAITING, null, List.of(after), null, Duration.ZERO);
  }

  @Test
  void theMarkdownTableHasOneRowPerUnitWithPlanGateAndReasons() {
    String markdown = PreviewFormat.MARKDOWN.render(summary(List.of(changes("net"), waiting("app", "net"))));
    assertThat(markdown).startsWith("### Terragrunt preview: 1 to change, 1 planned after its dependencies apply\n")
        .contains("| net | apply | 🟡 1 to create, 0 to update, 0 to delete, 0 to replace, 1 output(s) changed"
            + " | prod&#58; 2 of alice, group&#58;leads (1 rejection stops) | changed |\n")
        .contains("| app | apply | ⏳ planned after net applies | none | dependent-of&#58;net |\n")
        .contains("<details><summary>net: 1 to create")
        .contains("- create terraform\\_data.this\n")
        .doesNotContain("incomplete");
  }

  @Test
  void aHostileUnitNameCannotBreakTheTableInjectMarkupOrMentionAnyone() {
    String markdown = PreviewFormat.MARKDOWN.render(summary(List.of(changes(HOSTILE))));
    String row = markdown.lines().filter(line -> line.contains("dev/a")).findFirst().orElseThrow();
    assertThat(row.split("(?<!\\\\)\\|", -1)).as("cells split only at unescaped pipes").hasSize(7);
    assertThat(markdown).doesNotContain("<script>").doesNotContain("@alice").doesNotContain(" #12")
        .doesNotContain("[x](y)").contains("dev/a\\|b\\`&#60;script&#62;&#64;alice &#35;12 \\[x\\](y)\\*\\_");
    assertThat(markdown.lines().filter(line -> line.startsWith("<details>")).findFirst().orElseThrow())
        .contains("&#60;script&#62;").doesNotContain("<script>");
  }

  @Test
  void markdownThatWouldExceedTheLimitLeavesOutDetailsThenRowsAndSaysSo() {
    List<PreviewUnit> units = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      units.add(changes("live/prod/us-east-1/service-" + i));
    }
    String markdown = PreviewMarkdown.render(summary(units), 20_000);
    assertThat(markdown.length()).isLessThanOrEqualTo(20_000);
    assertThat(markdown).contains("| live/prod/us-east-1/service-0 |")
        .doesNotContain("service-399 |")
        .endsWith("_Some units were left out to fit GitHub's size limit; the build log has them all._\n");
    String all = PreviewMarkdown.render(summary(units.subList(0, 3)), PreviewMarkdown.GITHUB_LIMIT);
    assertThat(all).doesNotContain("left out").contains("<details><summary>live/prod/us-east-1/service-2");
  }

  @Test
  void textIsOneLinePerUnitWithControlCharactersEscaped() {
    PreviewUnit failed = new PreviewUnit("bad\u001b[31m", StackAction.APPLY, List.of("changed"), null, null,
        PreviewStatus.FAILED, null, List.of(), "plan exited 1: Error: boom", Duration.ofSeconds(1));
    PreviewSummary summary = new PreviewSummary("a".repeat(40), "b".repeat(40), "", List.of(failed),
        List.of("changed file x selects no unit"), List.of(), Duration.ZERO);
    assertThat(PreviewFormat.TEXT.render(summary)).isEqualTo("""
        preview of aaaaaaaaaaaa..bbbbbbbbbbbb: 1 plan failed (stack incomplete)
        plan failed  apply    bad\\u001b[31m  plan failed: plan exited 1: Error: boom; gate: none; reasons: changed
        incomplete: changed file x selects no unit
        """);
    assertThat(summary.ok()).isFalse();
  }

  @Test
  void jsonHasEveryUnitWithItsStatusPlanAndGate() throws Exception {
    JsonNode json = new ObjectMapper().readTree(PreviewFormat.JSON.render(
        summary(List.of(changes("net"), waiting("app", "net")))));
    assertThat(json.path("ok").asBoolean()).isTrue();
    assertThat(json.path("units").get(0).path("status").asText()).isEqualTo("changes");
    assertThat(json.path("units").get(0).path("plan").path("create").asInt()).isEqualTo(1);
    assertThat(json.path("units").get(0).path("gate").path("approvalsRequired").asInt()).isEqualTo(2);
    assertThat(json.path("units").get(1).path("status").asText()).isEqualTo("waiting");
    assertThat(json.path("units").get(1).path("plan").isNull()).isTrue();
    assertThat(json.path("units").get(1).path("waitingFor").get(0).asText()).isEqualTo("net");
    assertThat(json.path("elapsedMillis").asLong()).isEqualTo(3000);
    assertThat(json.path("planMillis").asLong()).isEqualTo(2000);
  }

  @Test
  void anApplyWaitsForItsInStackDependenciesWhileADestroyNeverWaits() {
    StackUnit net = unit("net", StackAction.APPLY, List.of());
    StackUnit app = unit("app", StackAction.APPLY, List.of("net", "outside"));
    StackUnit gone = unit("gone", StackAction.DESTROY, List.of("net"));
    Map<String, StackUnit> stack = Map.of("net", net, "app", app, "gone", gone);
    assertThat(Preview.waitingFor(net, stack)).isEmpty();
    assertThat(Preview.waitingFor(app, stack)).containsExactly("net");
    assertThat(Preview.waitingFor(gone, stack)).isEmpty();
  }

  private static StackUnit unit(String path, StackAction action, List<String> dependencies) {
    return new StackUnit(path, action, new TreeSet<>(List.of(Reason.CHANGED)), null, ApprovalPolicy.NONE,
        new TreeSet<>(dependencies), new TreeSet<>(), new TreeSet<>(dependencies), 0, 0);
  }
}
