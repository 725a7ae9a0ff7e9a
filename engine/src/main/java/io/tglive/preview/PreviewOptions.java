package io.tglive.preview;

import io.tglive.run.deploy.RetryPolicy;
import io.tglive.run.terragrunt.CommandSettings;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * How a preview plans.
 *
 * @param parallelism most plans at once
 * @param commands the terragrunt settings of each account (the key is null for units outside every
 *     account); the preview adds {@code -lock=false} to every plan
 * @param environment variables added to every command's environment
 * @param retry when plans and shows are retried
 */
public record PreviewOptions(
    int parallelism,
    Function<String, CommandSettings> commands,
    Map<String, String> environment,
    RetryPolicy retry) {

  public PreviewOptions {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
    }
    Objects.requireNonNull(commands, "commands");
    environment = Map.copyOf(environment);
    Objects.requireNonNull(retry, "retry");
  }

  /** {@code parallelism} plans at once with {@code settings} for every account, default retries. */
  public static PreviewOptions of(int parallelism, CommandSettings settings, Map<String, String> environment) {
    return new PreviewOptions(parallelism, account -> settings, environment, RetryPolicy.DEFAULT);
  }
}
