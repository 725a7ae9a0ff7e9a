package io.tglive.run.terragrunt;

import io.tglive.policy.AccountCommands;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How an account's units are planned and applied.
 *
 * @param terragrunt the command that runs terragrunt, the executable first (a wrapper may come first)
 * @param planArgs extra arguments after {@code plan -input=false -detailed-exitcode -out=…}
 * @param applyArgs extra arguments after {@code apply -input=false}, before the plan file
 * @param timeout how long any one command may run
 * @param destroyArgs extra arguments of the plan of a destroyed unit, after {@code planArgs}
 * @param retryOn patterns that mark a failed plan or show as transient, besides the run's own
 */
public record CommandSettings(List<String> terragrunt, List<String> planArgs, List<String> applyArgs, Duration timeout,
    List<String> destroyArgs, List<Pattern> retryOn) {

  /** {@code terragrunt} on the PATH, no extra arguments, one hour per command. */
  public static final CommandSettings DEFAULT =
      new CommandSettings(List.of("terragrunt"), List.of(), List.of(), Duration.ofHours(1));

  public CommandSettings {
    terragrunt = List.copyOf(terragrunt);
    if (terragrunt.isEmpty()) {
      throw new IllegalArgumentException("empty terragrunt command");
    }
    planArgs = List.copyOf(planArgs);
    applyArgs = List.copyOf(applyArgs);
    destroyArgs = List.copyOf(destroyArgs);
    retryOn = List.copyOf(retryOn);
  }

  /** Settings without destroy arguments or retry patterns of their own. */
  public CommandSettings(List<String> terragrunt, List<String> planArgs, List<String> applyArgs, Duration timeout) {
    this(terragrunt, planArgs, applyArgs, timeout, List.of(), List.of());
  }

  /** These settings with another terragrunt command. */
  public CommandSettings withTerragrunt(List<String> command) {
    return new CommandSettings(command, planArgs, applyArgs, timeout, destroyArgs, retryOn);
  }

  /** These settings with {@code extra} added to the plan arguments (a rollback's {@code -target}s). */
  public CommandSettings withExtraPlanArgs(List<String> extra) {
    List<String> args = new java.util.ArrayList<>(planArgs);
    args.addAll(extra);
    return new CommandSettings(terragrunt, args, applyArgs, timeout, destroyArgs, retryOn);
  }

  /** These settings with another timeout per command. */
  public CommandSettings withTimeout(Duration perCommand) {
    return new CommandSettings(terragrunt, planArgs, applyArgs, perCommand, destroyArgs, retryOn);
  }

  /**
   * An account's settings ({@code .tglive.yaml}, Jenkins) over these run defaults: its terragrunt
   * command and timeout when it sets them, its extra arguments and retry patterns. The account's
   * values were checked when its mapping was made ({@code RunnerRules}).
   */
  public CommandSettings forAccount(AccountCommands account) {
    return new CommandSettings(
        account.terragrunt().isEmpty() ? terragrunt : account.terragrunt(),
        account.planArgs(),
        account.applyArgs(),
        account.timeout() == null ? timeout : Duration.parse(account.timeout()),
        account.destroyArgs(),
        account.retryOn().stream().map(Pattern::compile).toList());
  }
}
