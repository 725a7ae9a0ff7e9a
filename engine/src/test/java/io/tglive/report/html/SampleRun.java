package io.tglive.report.html;

import io.tglive.run.deploy.UnitLogs;
import io.tglive.run.state.EventType;
import io.tglive.run.state.RunEvent;
import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunLedger;
import io.tglive.run.state.RunState;
import io.tglive.run.state.RunUnit;
import io.tglive.run.state.UnitRecord;
import io.tglive.run.terragrunt.PlanReader;
import io.tglive.run.terragrunt.PlanSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A run directory written through the engine's own ledger, with a unit in every status and units whose names, reasons
 * and messages are hostile HTML ({@code <script>}, quotes, {@code &}).
 */
final class SampleRun {

  static final String HOSTILE = "live/<script>alert(\"x\")</script> & 'q'";
  static final String HOSTILE_CHILD = "live/child&amp;<b>bold</b>";
  static final String HOSTILE_MESSAGE = "boom <img src=x onerror=alert(1)> & \"quoted\"";
  static final String HOSTILE_REASON = "<i>not</i> today & 'never'";

  private static final String PLAN = """
      {"format_version":"1.2","resource_changes":[
        {"address":"terraform_data.this","provider_name":"terraform.io/builtin/terraform",
         "change":{"actions":["create"]}},
        {"address":"null_resource.n[\\"<k>\\"]","provider_name":"registry.opentofu.org/hashicorp/null",
         "change":{"actions":["update"]}}]}
      """;

  private SampleRun() {}

  /** Writes a run that was interrupted with units in every status; returns its state. */
  static SortedMap<String, UnitRecord> write(Path dir) throws IOException {
    List<RunUnit> units = List.of(
        unit("net", List.of(), null, 0),
        unit("app", List.of("net"), "prod", 1),
        unit("db", List.of("net"), null, 0),
        unit(HOSTILE, List.of("net"), "dev & <test>", 0),
        unit(HOSTILE_CHILD, List.of(HOSTILE), null, 0),
        unit("rejected", List.of("db"), "prod", 1),
        unit("cancelled", List.of(), null, 0),
        unit("waiting", List.of("app", "db"), "prod", 1),
        unit("planning", List.of("db"), null, 0),
        unit("applying", List.of("app"), null, 0),
        unit("pending", List.of("waiting"), null, 0),
        new RunUnit("old/queue", true, null, List.of(), 0, List.of(), 0, 1));
    RunHeader header = new RunHeader("20261130-083000-abcdef0", "/repos/live & <co>", "main",
        "b".repeat(40), "feature/x", "c".repeat(40), units);
    PlanSummary plan;
    try {
      plan = PlanReader.read(PLAN);
    } catch (io.tglive.run.terragrunt.PlanFormatException e) {
      throw new IllegalStateException(e);
    }
    UnitLogs logs = new UnitLogs(dir.resolve("logs"));
    try (RunLedger ledger = RunLedger.create(dir, header)) {
      applied(ledger, "net", plan, "no gate", "approvalsRequired is 0");
      applied(ledger, "app", plan, "alice", "looks right");
      ledger.record(RunEvent.of(EventType.PLANNING, "db"));
      ledger.record(RunEvent.of(EventType.NO_CHANGES, "db"));
      ledger.record(RunEvent.of(EventType.PLANNING, HOSTILE));
      ledger.record(RunEvent.of(EventType.FAILED, HOSTILE).withMessage(HOSTILE_MESSAGE));
      ledger.record(RunEvent.of(EventType.BLOCKED, HOSTILE_CHILD).withMessage("blocked by " + HOSTILE));
      ledger.record(RunEvent.of(EventType.PLANNING, "rejected"));
      ledger.record(RunEvent.of(EventType.PLANNED, "rejected").withPlan(plan, "d"));
      ledger.record(RunEvent.of(EventType.AWAITING_APPROVAL, "rejected"));
      ledger.record(RunEvent.of(EventType.GATED, "rejected").withDecision(false, "bob <b@x>", HOSTILE_REASON));
      ledger.record(RunEvent.of(EventType.CANCELLED, "cancelled").withMessage("--fail-fast: a unit failed"));
      ledger.record(RunEvent.of(EventType.PLANNING, "waiting"));
      ledger.record(RunEvent.of(EventType.PLANNED, "waiting").withPlan(plan, "d"));
      ledger.record(RunEvent.of(EventType.AWAITING_APPROVAL, "waiting"));
      ledger.record(RunEvent.of(EventType.PLANNING, "planning"));
      ledger.record(RunEvent.of(EventType.PLANNING, "applying"));
      ledger.record(RunEvent.of(EventType.PLANNED, "applying").withPlan(plan, "d"));
      ledger.record(RunEvent.of(EventType.GATED, "applying").withDecision(true, "no gate", ""));
      ledger.record(RunEvent.of(EventType.APPLY_STARTED, "applying").withPlan(plan, "d"));
      for (String unit : List.of("net", "app", "db", HOSTILE, "rejected")) {
        logs.open(unit, "$ terragrunt plan").close();
      }
      return ledger.read(SampleRun::copy);
    }
  }

  private static SortedMap<String, UnitRecord> copy(RunState state) {
    return new TreeMap<>(state.units());
  }

  private static void applied(RunLedger ledger, String unit, PlanSummary plan, String who, String why) {
    ledger.record(RunEvent.of(EventType.PLANNING, unit));
    ledger.record(RunEvent.of(EventType.PLANNED, unit).withPlan(plan, "d"));
    ledger.record(RunEvent.of(EventType.AWAITING_APPROVAL, unit));
    ledger.record(RunEvent.of(EventType.GATED, unit).withDecision(true, who, why));
    ledger.record(RunEvent.of(EventType.APPLY_STARTED, unit).withPlan(plan, "d").withCommit("c".repeat(40)));
    ledger.record(RunEvent.of(EventType.APPLIED, unit).withPlan(plan, "d").withCommit("c".repeat(40)));
  }

  private static RunUnit unit(String path, List<String> after, String account, int approvals) {
    return new RunUnit(path, false, account, after, after.size(), approvals > 0 ? List.of("alice", "bob") : List.of(),
        approvals, 1);
  }
}
