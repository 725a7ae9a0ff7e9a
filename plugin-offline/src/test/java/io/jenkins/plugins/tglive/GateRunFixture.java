package io.jenkins.plugins.tglive;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import hudson.model.Action;
import hudson.model.Run;
import io.tglive.run.state.EventType;
import io.tglive.run.state.RunEvent;
import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunLedger;
import io.tglive.run.state.RunUnit;
import io.tglive.run.terragrunt.PlanSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A build whose run directory holds units {@code app} (planned, 2 of alice, bob, carol, dana) and {@code db} (pending). */
final class GateRunFixture {

  static final String HASH = "ab".repeat(32);

  private GateRunFixture() {}

  /** A build (its actions in a real list) whose root directory is {@code buildDir}, with the run written in it. */
  static Run<?, ?> build(Path buildDir) throws Exception {
    Path dir = buildDir.resolve("tglive");
    List<String> voters = List.of("alice", "bob", "carol", "dana");
    try (RunLedger ledger = RunLedger.create(dir, new RunHeader("build-7", "/ws", "main", "b".repeat(40), "feature",
        "c".repeat(40), List.of(new RunUnit("app", false, "prod", List.of(), 0, voters, 2, 1),
            new RunUnit("db", false, "prod", List.of(), 0, voters, 2, 1))))) {
      ledger.record(RunEvent.of(EventType.PLANNING, "app"));
      ledger.record(RunEvent.of(EventType.PLANNED, "app").withPlan(plan(), "d".repeat(64)).withCommit("c".repeat(40)));
    }
    Run<?, ?> run = mock(Run.class);
    List<Action> actions = new ArrayList<>();
    when(run.getRootDir()).thenReturn(buildDir.toFile());
    when(run.getUrl()).thenReturn("job/live/7/");
    doAnswer(call -> actions.add(call.getArgument(0))).when(run).addAction(any());
    when(run.getActions(any())).thenAnswer(call -> actions.stream()
        .filter(((Class<?>) call.getArgument(0))::isInstance).toList());
    return run;
  }

  static PlanSummary plan() {
    return new PlanSummary(1, 0, 0, 0, List.of("create terraform_data.this"), new TreeSet<>(Set.of()),
        List.of("terraform_data.this"), new TreeSet<>(), List.of(), HASH);
  }
}
