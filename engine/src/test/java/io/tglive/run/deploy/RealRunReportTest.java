package io.tglive.run.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.tglive.report.html.RunReport;
import io.tglive.run.gate.GateDecision;
import io.tglive.run.local.LocalRunner;
import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunLedger;
import io.tglive.run.state.UnitStatus;
import io.tglive.run.terragrunt.CommandSettings;
import io.tglive.stack.StackPlanner;
import io.tglive.stack.StackRequest;
import io.tglive.stack.StackResult;
import io.tglive.testing.HeadlessChromium;
import io.tglive.testing.RealTools;
import io.tglive.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The report of a real deployment (real terragrunt and OpenTofu; skipped without them or without Chromium), loaded in
 * a headless Chromium: every unit shows the status the run recorded, with its plan, gate and log.
 */
class RealRunReportTest {

  @TempDir Path tmp;

  @Test
  void theReportOfARealRunShowsTheRecordedStatusOfEveryUnit() throws Exception {
    RealTools.assumeInstalled();
    HeadlessChromium.assumeInstalled();
    Path state = Files.createDirectories(tmp.resolve("state"));
    Path run = tmp.resolve("run");
    try (TestRepo repo = RealLiveRepo.create(tmp.resolve("repo"))) {
      repo.branch("feature");
      repo.write("net/terragrunt.hcl", RealLiveRepo.unit("value = \"net\""));
      repo.write("app/terragrunt.hcl", RealLiveRepo.unit("value = \"app-on-${dependency.net.outputs.value}\"", "net"));
      repo.write("bad/terragrunt.hcl", RealLiveRepo.unit("value = \"bad\"\nfail = true"));
      repo.write("bad-child/terragrunt.hcl", RealLiveRepo.unit("value = dependency.bad.outputs.value", "bad"));
      repo.write("held/terragrunt.hcl", RealLiveRepo.unit("value = \"held\""));
      repo.commit("units");
      StackResult stack = StackPlanner.plan(repo.root(), StackRequest.of("main", "feature"));
      Map<String, String> environment = new HashMap<>(RealTools.env());
      environment.put("TGLIVE_TEST_STATE", state.toString());
      DeployOptions options = DeployOptions.defaults(4).withEnvironment(environment).withCommands(account ->
          CommandSettings.DEFAULT.withTerragrunt(List.of(RealTools.terragrunt().toString()))
              .withTimeout(Duration.ofMinutes(5)));
      try (RunLedger ledger = RunLedger.create(run, RunHeader.of("real", repo.root().toString(), "main", "feature",
          stack))) {
        new Deployment(ledger, observer -> new LocalRunner(Duration.ofSeconds(5), observer),
            (unit, policy, plan) -> unit.equals("held") ? GateDecision.reject("carol", "<not> now")
                : GateDecision.approve("alice", "ok"),
            new GitWorktrees(repo.root(), run.resolve("worktrees")), options).run();
      }
    }
    Map<String, String> recorded = new HashMap<>();
    try (RunLedger ledger = RunLedger.open(run)) {
      ledger.read(s -> s.units()).forEach((unit, record) -> recorded.put(unit, record.status().label()));
    }
    assertThat(recorded).containsEntry("app", UnitStatus.APPLIED.label()).containsEntry("bad", "failed")
        .containsEntry("bad-child", "blocked").containsEntry("held", "rejected");

    try (HeadlessChromium chromium = HeadlessChromium.start(tmp.resolve("profile"))) {
      chromium.open(RunReport.write(run));
      assertThat(chromium.consoleProblems()).isEmpty();
      assertThat(chromium.shownStatuses("table")).isEqualTo(recorded);
      assertThat(chromium.shownStatuses("graph")).isEqualTo(recorded);
      String app = chromium.driver().findElement(By.cssSelector("#units tr[data-unit=app]")).getText();
      assertThat(app).contains("approved by alice: ok", "+1 ~0 \u22120 \u00b10", "log");
      assertThat(chromium.driver().findElement(By.cssSelector("#units tr[data-unit=held] td.gate")).getText())
          .isEqualTo("rejected by carol: <not> now");
      assertThat(chromium.driver().findElement(By.cssSelector("#units tr[data-unit=bad-child] td.note")).getText())
          .isEqualTo("blocked by bad");
      assertThat(chromium.driver().findElement(By.id("outcome")).getText()).isEqualTo("failed");
      Path screenshot = Path.of("target", "real-report-screenshot.png");
      Files.copy(chromium.driver().getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath(), screenshot,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
