package io.tglive.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code --feature NAME=VALUE} option, Terragrunt's feature flag overrides: they replace the
 * {@code TG_FEATURE} variable of the environment the units are evaluated with, as Terragrunt's flag
 * takes precedence over its environment variable.
 */
final class FeatureOptions {

  private static final String VARIABLE = "TG_FEATURE";

  @Spec(Spec.Target.MIXEE) private CommandSpec spec;

  @Option(names = "--feature", paramLabel = "NAME=VALUE",
      description = "Override a feature flag's default, as terragrunt --feature (repeatable; replaces TG_FEATURE).")
  private List<String> features = new ArrayList<>();

  /** The process environment with the {@code --feature} options in {@code TG_FEATURE}. */
  Map<String, String> environment() {
    Map<String, String> environment = new HashMap<>(System.getenv());
    if (features.isEmpty()) {
      return environment;
    }
    for (String feature : features) {
      int equals = feature.indexOf('=');
      if (equals <= 0 || feature.indexOf(',') >= 0) {
        throw new ParameterException(spec.commandLine(), "--feature " + feature + ": expected NAME=VALUE without commas");
      }
    }
    environment.put(VARIABLE, String.join(",", features));
    return environment;
  }
}
