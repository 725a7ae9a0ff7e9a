package io.tglive.policy;

import java.io.Serializable;
import java.util.List;

/**
 * How an account's units are planned and applied: the original design's rollout and rollback plan
 * and deploy commands. The contract's own arguments ({@code plan -input=false -detailed-exitcode
 * -out=<plan>}, {@code -destroy}, {@code apply -input=false <plan>}) are always there; these add to
 * them. {@link RunnerRules} says what is valid.
 *
 * @param terragrunt the command that runs terragrunt, the executable first (a wrapper may come
 *     first, e.g. {@code [aws-vault, exec, prod, --, terragrunt]}); empty for the run's default
 * @param planArgs extra arguments of every plan
 * @param applyArgs extra arguments of every apply, before the plan file
 * @param destroyArgs extra arguments of the plan of a destroyed unit, after {@code planArgs}
 * @param retryOn regular expressions that mark a failed plan or show as transient (searched in each
 *     output line), in addition to the defaults (throttling, state lock timeouts)
 * @param timeout longest one command may run, ISO-8601 ({@code PT30M}); null for the run's default
 */
public record AccountCommands(
    List<String> terragrunt,
    List<String> planArgs,
    List<String> applyArgs,
    List<String> destroyArgs,
    List<String> retryOn,
    String timeout) implements Serializable {

  /** The run's terragrunt, no extra arguments, the default retry patterns and timeout. */
  public static final AccountCommands DEFAULT = new AccountCommands(List.of(), List.of(), List.of(), List.of(),
      List.of(), null);

  public AccountCommands {
    terragrunt = copy(terragrunt);
    planArgs = copy(planArgs);
    applyArgs = copy(applyArgs);
    destroyArgs = copy(destroyArgs);
    retryOn = copy(retryOn);
  }

  private static List<String> copy(List<String> values) {
    return values == null ? List.of() : values.stream().map(v -> v == null ? "" : v).toList();
  }
}
