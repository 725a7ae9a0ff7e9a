package io.tglive.stack;

import io.tglive.change.DiffMode;
import io.tglive.change.Reason;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.TreeMap;

/** A hand-built stack result using every field: accounts and policies, a destroy, all reason kinds, findings. */
public final class StackSamples {

  private StackSamples() {}

  @SafeVarargs
  private static <T extends Comparable<T>> SortedSet<T> sorted(T... values) {
    return new TreeSet<>(List.of(values));
  }

  public static StackResult result() {
    TreeMap<String, StackUnit> units = new TreeMap<>();
    units.put("live/prod/vpc", new StackUnit("live/prod/vpc", StackAction.APPLY, sorted(Reason.CHANGED), "prod",
        new ApprovalPolicy(List.of("alice", "group:ops"), 2, 1), sorted(), sorted("live/prod/app"), sorted(), 0, 1));
    units.put("live/prod/app", new StackUnit("live/prod/app", StackAction.APPLY,
        sorted(Reason.dependentOf("live/prod/vpc"), Reason.reads("live/prod/env.hcl")), "prod",
        new ApprovalPolicy(List.of("alice", "group:ops"), 2, 1), sorted("live/prod/vpc"), sorted(),
        sorted("live/prod/vpc"), 1, 0));
    units.put("live/dev/old", new StackUnit("live/dev/old", StackAction.DESTROY,
        sorted(Reason.DELETED, Reason.dependencyOf("live/dev/x")), null, ApprovalPolicy.NONE, sorted(), sorted(),
        sorted(), 0, 0));
    return new StackResult("1111111111111111111111111111111111111111", "2222222222222222222222222222222222222222",
        DiffMode.TREE, new DeployStack(units, List.of(List.of("live/dev/old", "live/prod/vpc"), List.of("live/prod/app"))),
        sorted("docs/README.md"), sorted("live/prod/app/notes.txt"), sorted("live/prod/legacy"),
        List.of(new StackResult.Unresolved("live/prod/app", "live/prod/app/terragrunt.hcl", 4, "local.path", "head")),
        List.of());
  }
}
