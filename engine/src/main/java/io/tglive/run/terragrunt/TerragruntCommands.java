package io.tglive.run.terragrunt;

import io.tglive.run.CommandKind;
import io.tglive.run.CommandSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The terragrunt command lines of one unit: {@code plan -input=false -detailed-exitcode -out=<plan>}
 * (with {@code -destroy} for a deleted unit), {@code show -json <plan>} and
 * {@code apply -input=false <plan>}, non-interactive through the environment of the dialect.
 *
 * @param settings the unit's account settings
 * @param dialect the installed terragrunt's spelling
 * @param environment variables every command gets (PATH, {@code TF_CLI_CONFIG_FILE}…)
 */
public record TerragruntCommands(CommandSettings settings, TerragruntDialect dialect, Map<String, String> environment) {

  public TerragruntCommands {
    environment = Map.copyOf(environment);
  }

  /** {@code terragrunt --version}, run once to learn the dialect. */
  public static CommandSpec version(CommandSettings settings, Map<String, String> environment, Path directory) {
    List<String> argv = new ArrayList<>(settings.terragrunt());
    argv.add("--version");
    return new CommandSpec("(terragrunt)", CommandKind.VERSION, argv, environment, "", directory, Optional.empty(),
        settings.timeout());
  }

  /** Plans the unit in {@code directory} into {@code planFile}; {@code destroy} plans its removal. */
  public CommandSpec plan(String unit, Path directory, String revision, Path planFile, boolean destroy) {
    List<String> argv = new ArrayList<>(settings.terragrunt());
    argv.addAll(List.of("plan", "-input=false", "-detailed-exitcode"));
    if (destroy) {
      argv.add("-destroy");
    }
    argv.add("-out=" + planFile);
    argv.addAll(settings.planArgs());
    if (destroy) {
      argv.addAll(settings.destroyArgs());
    }
    return spec(unit, CommandKind.PLAN, argv, directory, revision, planFile);
  }

  /** Prints the saved plan as JSON on standard output. */
  public CommandSpec show(String unit, Path directory, String revision, Path planFile) {
    List<String> argv = new ArrayList<>(settings.terragrunt());
    argv.addAll(List.of("show", "-json", planFile.toString()));
    return spec(unit, CommandKind.SHOW, argv, directory, revision, planFile);
  }

  /** Applies exactly the saved plan. */
  public CommandSpec apply(String unit, Path directory, String revision, Path planFile) {
    List<String> argv = new ArrayList<>(settings.terragrunt());
    argv.addAll(List.of("apply", "-input=false"));
    argv.addAll(settings.applyArgs());
    argv.add(planFile.toString());
    return spec(unit, CommandKind.APPLY, argv, directory, revision, planFile);
  }

  /** A read-only query in the unit's directory ({@code state pull}, {@code run -- providers}); output on stdout. */
  public CommandSpec query(String unit, Path directory, String revision, List<String> arguments) {
    List<String> argv = new ArrayList<>(settings.terragrunt());
    argv.addAll(arguments);
    Map<String, String> env = new HashMap<>(environment);
    env.putAll(dialect.environment());
    return new CommandSpec(unit, CommandKind.QUERY, argv, env, revision, directory, Optional.empty(),
        settings.timeout());
  }

  private CommandSpec spec(String unit, CommandKind kind, List<String> argv, Path directory, String revision,
      Path planFile) {
    Map<String, String> env = new HashMap<>(environment);
    env.putAll(dialect.environment());
    return new CommandSpec(unit, kind, argv, env, revision, directory, Optional.of(planFile), settings.timeout());
  }
}
