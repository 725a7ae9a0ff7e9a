package io.tglive.run.deploy;

import io.tglive.run.terragrunt.CommandSettings;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * How a run deploys.
 *
 * @param parallelism most commands at once
 * @param perAccount most commands at once per account (accounts not listed: only the global limit)
 * @param failFast stop starting units after the first failure or rejection
 * @param retry when plans and shows are retried
 * @param commands the terragrunt settings of each account (the key is null for units outside every account)
 * @param environment variables added to every command's environment
 * @param grace how long a stopped process gets between SIGTERM and SIGKILL
 */
public record DeployOptions(
    int parallelism,
    Map<String, Integer> perAccount,
    boolean failFast,
    RetryPolicy retry,
    Function<String, CommandSettings> commands,
    Map<String, String> environment,
    Duration grace) {

  public DeployOptions {
    if (parallelism < 1) {
      throw new IllegalArgumentException("--parallelism must be at least 1: " + parallelism);
    }
    perAccount = Map.copyOf(perAccount);
    perAccount.forEach((account, limit) -> {
      if (limit < 1) {
        throw new IllegalArgumentException("parallelism of account " + account + " must be at least 1: " + limit);
      }
    });
    environment = Map.copyOf(environment);
  }

  /** {@code parallelism} commands, default terragrunt settings, default retries. */
  public static DeployOptions defaults(int parallelism) {
    return new DeployOptions(parallelism, Map.of(), false, RetryPolicy.DEFAULT, account -> CommandSettings.DEFAULT,
        Map.of(), Duration.ofSeconds(10));
  }

  public DeployOptions withFailFast(boolean value) {
    return new DeployOptions(parallelism, perAccount, value, retry, commands, environment, grace);
  }

  public DeployOptions withRetry(RetryPolicy value) {
    return new DeployOptions(parallelism, perAccount, failFast, value, commands, environment, grace);
  }

  public DeployOptions withCommands(Function<String, CommandSettings> value) {
    return new DeployOptions(parallelism, perAccount, failFast, retry, value, environment, grace);
  }

  public DeployOptions withEnvironment(Map<String, String> value) {
    return new DeployOptions(parallelism, perAccount, failFast, retry, commands, value, grace);
  }

  public DeployOptions withPerAccount(Map<String, Integer> value) {
    return new DeployOptions(parallelism, value, failFast, retry, commands, environment, grace);
  }
}
