package io.tglive.run.deploy;

import io.tglive.run.gate.Gate;
import io.tglive.run.gate.GateDecision;
import io.tglive.run.state.EventType;
import io.tglive.run.state.RunEvent;
import io.tglive.run.state.RunLedger;
import io.tglive.run.state.RunUnit;
import io.tglive.run.state.UnitRecord;
import io.tglive.run.state.UnitStatus;
import io.tglive.run.terragrunt.TerragruntCommands;
import java.nio.file.Path;

/**
 * Deploys one unit: plan, gate, then apply exactly the approved plan file ({@link UnitPhases}),
 * recording each step in the ledger before the next one starts. A unit the previous process left
 * mid-apply is planned again: no changes means its apply had finished; otherwise the new plan goes
 * through the gate again.
 */
final class UnitDeploy {

  private final RunLedger ledger;
  private final UnitPhases phases;
  private final Gate gate;
  private final Path plans;

  UnitDeploy(RunLedger ledger, UnitPhases phases, Gate gate, Path plans) {
    this.ledger = ledger;
    this.phases = phases;
    this.gate = gate;
    this.plans = plans;
  }

  /** Deploys {@code unit} in its {@code directory} of a checkout; returns its final status, already recorded. */
  UnitStatus deploy(RunUnit unit, String commit, Path directory, TerragruntCommands commands, boolean midApply)
      throws InterruptedException {
    String path = unit.path();
    Path planFile = plans.resolve(UnitLogs.fileName(path) + ".tfplan");
    UnitPhases.Planned planned = phases.plan(unit, commit, directory, commands, planFile, midApply);
    if (!planned.changes()) {
      return planned.status();
    }
    ledger.record(RunEvent.of(EventType.AWAITING_APPROVAL, path));
    GateDecision decision = gate.decide(path, unit.policy(), planned.summary());
    ledger.record(RunEvent.of(EventType.GATED, path).withDecision(decision.approved(), decision.who(),
        decision.why()));
    if (!decision.approved()) {
      return UnitStatus.REJECTED;
    }
    return phases.apply(unit, commit, directory, commands, planFile, planned.summary(), planned.digest());
  }

  /** Whether the journal left {@code record} in the middle of its apply. */
  static boolean midApply(UnitRecord record) {
    return record.applying() != null;
  }
}
