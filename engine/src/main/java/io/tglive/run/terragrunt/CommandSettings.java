package io.tglive.run.terragrunt;

import java.time.Duration;
import java.util.List;

/**
 * How an account's units are planned and applied.
 *
 * @param terragrunt the command that runs terragrunt, the executable first (a wrapper may come first)
 * @param planArgs extra arguments after {@code plan -input=false -detailed-exitcode -out=…}
 * @param applyArgs extra arguments after {@code apply -input=false}, before the plan file
 * @param timeout how long any one command may run
 */
public record CommandSettings(List<String> terragrunt, List<String> planArgs, List<String> applyArgs, Duration timeout) {

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
  }

  /** These settings with another terragrunt command. */
  public CommandSettings withTerragrunt(List<String> command) {
    return new CommandSettings(command, planArgs, applyArgs, timeout);
  }

  /** These settings with another timeout per command. */
  public CommandSettings withTimeout(Duration perCommand) {
    return new CommandSettings(terragrunt, planArgs, applyArgs, perCommand);
  }
}
