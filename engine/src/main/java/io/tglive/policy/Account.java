package io.tglive.policy;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A deployment account: the units under {@link #path()}, who votes on their applies, and which
 * accounts must be fully deployed first.
 *
 * @param name unique account name
 * @param path repository path prefix, '/' separated, normalized without trailing slash ("" is the whole repository)
 * @param voters user ids, and groups written {@code group:NAME}
 * @param approvalsRequired approvals needed before an apply; 0 means no gate
 * @param rejectionsRequired rejections that stop an apply; at least 1
 * @param dependencies names of accounts whose units must all deploy first
 * @param runner runner overrides, never null
 * @param gate self-approval, stricter destroys and provider additions, timeout; never null
 */
public record Account(
    String name,
    String path,
    List<String> voters,
    int approvalsRequired,
    int rejectionsRequired,
    List<String> dependencies,
    RunnerSettings runner,
    GateRules gate) implements Serializable {

  /** The prefix that marks a group voter. */
  public static final String GROUP_PREFIX = "group:";

  public Account {
    name = Objects.requireNonNullElse(name, "").strip();
    path = RepoPaths.normalize(path);
    voters = voters == null ? List.of() : voters.stream().map(v -> v == null ? "" : v.strip()).toList();
    dependencies =
        dependencies == null ? List.of() : dependencies.stream().map(d -> d == null ? "" : d.strip()).toList();
    runner = Objects.requireNonNullElse(runner, RunnerSettings.NONE);
    gate = Objects.requireNonNullElse(gate, GateRules.DEFAULT);
  }

  /** An account with the default gate rules. */
  public Account(String name, String path, List<String> voters, int approvalsRequired, int rejectionsRequired,
      List<String> dependencies, RunnerSettings runner) {
    this(name, path, voters, approvalsRequired, rejectionsRequired, dependencies, runner, GateRules.DEFAULT);
  }

  /** An account without dependencies or runner overrides. */
  public Account(String name, String path, List<String> voters, int approvalsRequired, int rejectionsRequired) {
    this(name, path, voters, approvalsRequired, rejectionsRequired, List.of(), RunnerSettings.NONE);
  }

  /** Whether this account gates applies on approvals. */
  public boolean requiresApproval() {
    return approvalsRequired > 0;
  }

  /** Whether {@code voter} names a group ({@code group:NAME}) rather than a user. */
  public static boolean isGroup(String voter) {
    return voter.startsWith(GROUP_PREFIX);
  }
}
