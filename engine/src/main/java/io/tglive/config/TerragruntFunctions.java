package io.tglive.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Terragrunt's functions that read the evaluation context or the snapshot, except those that read
 * files ({@link FileFunctions}). Relative paths resolve from {@link FunctionContext#terragruntDir()},
 * as in Terragrunt.
 */
final class TerragruntFunctions {

  /** Terragrunt's {@code MaxFoldersToCheck} default. */
  private static final int MAX_FOLDERS_TO_CHECK = 100;

  private static final String DEFAULT_CONFIG = "terragrunt.hcl";

  private TerragruntFunctions() {}

  static void register(FunctionTable t) {
    t.strict("find_in_parent_folders", TerragruntFunctions::findInParentFolders);
    t.contextual("get_terragrunt_dir", c -> {
      c.expectArgs(0, 0);
      return path(c.context().terragruntDir());
    });
    t.contextual("get_original_terragrunt_dir", c -> {
      c.expectArgs(0, 0);
      return path(c.context().originalTerragruntDir());
    });
    t.contextual("get_parent_terragrunt_dir", c -> {
      c.expectArgs(0, 1);
      Path include = c.context().includeDirectory(includeName(c), c.range());
      return path(include == null ? c.context().terragruntDir() : include);
    });
    t.contextual("path_relative_to_include", c -> {
      c.expectArgs(0, 1);
      Path include = c.context().includeDirectory(includeName(c), c.range());
      return Value.string(include == null ? "." : LexicalPaths.relative(include, c.context().terragruntDir()));
    });
    t.contextual("path_relative_from_include", c -> {
      c.expectArgs(0, 1);
      Path include = c.context().includeDirectory(includeName(c), c.range());
      return Value.string(include == null ? "." : LexicalPaths.relative(c.context().terragruntDir(), include));
    });
    t.strict("get_repo_root", c -> {
      c.expectArgs(0, 0);
      return path(repoRoot(c));
    });
    t.strict("get_path_from_repo_root", c -> {
      c.expectArgs(0, 0);
      return Value.string(LexicalPaths.relative(repoRoot(c), c.context().terragruntDir()));
    });
    t.strict("get_path_to_repo_root", c -> {
      c.expectArgs(0, 0);
      return Value.string(LexicalPaths.relative(c.context().terragruntDir(), repoRoot(c)));
    });
    t.contextual("get_env", c -> {
      c.expectArgs(1, 2);
      String name = c.string(0);
      String value = c.context().environment().get(name);
      if (value != null) {
        return Value.string(value);
      }
      if (c.args().size() == 1) {
        // Terragrunt's EnvVarNotFoundError: without a default the variable is required.
        throw c.error("the environment variable " + name + " is not set and no default is given");
      }
      return Value.string(c.string(1));
    });
    t.contextual("abspath", c -> {
      c.expectArgs(1, 1);
      return path(resolve(c, 0));
    });
    t.lenient("read_terragrunt_config", TerragruntFunctions::readTerragruntConfig);
    commands(t, "get_terraform_commands_that_need_vars", "apply", "console", "destroy", "import", "plan", "push", "refresh");
    commands(t, "get_terraform_commands_that_need_locking", "apply", "destroy", "import", "plan", "refresh", "taint", "untaint");
    commands(t, "get_terraform_commands_that_need_input", "apply", "import", "init", "plan", "refresh");
    commands(t, "get_terraform_commands_that_need_parallelism", "apply", "plan", "destroy");
    runTime(t, "get_terraform_command", "the command Terragrunt runs");
    runTime(t, "get_terraform_cli_args", "the arguments Terragrunt runs the command with");
    runTime(t, "get_platform", "the operating system Terragrunt runs on");
    runTime(t, "get_working_dir", "the directory Terragrunt runs the command in");
  }

  /** A function returning one of Terragrunt's fixed command lists. */
  private static void commands(FunctionTable t, String name, String... commands) {
    Value list = Value.list(java.util.Arrays.stream(commands).map(Value::string).map(Value.class::cast).toList());
    t.contextual(name, c -> {
      c.expectArgs(0, 0);
      return list;
    });
  }

  /** A function whose value is only known when Terragrunt runs a command: unknown, without a warning. */
  private static void runTime(FunctionTable t, String name, String what) {
    t.contextual(name, c -> {
      c.expectArgs(0, 0);
      return Value.unknown(what + " is only known when Terragrunt runs");
    });
  }

  private static Value findInParentFolders(Invocation c) {
    c.expectArgs(0, 2);
    String name = c.args().isEmpty() ? DEFAULT_CONFIG : c.string(0);
    if (name.isEmpty()) {
      name = DEFAULT_CONFIG;
    }
    Path start = c.context().terragruntDir();
    c.context().recordLookup(new ParentFolderLookup(start, name, MAX_FOLDERS_TO_CHECK));
    Optional<Path> found = c.context().snapshot().findInParentFolders(start, name, MAX_FOLDERS_TO_CHECK);

    if (found.isPresent()) {
      return path(found.get());
    }
    if (c.args().size() == 2) {
      return Value.string(c.string(1));
    }
    throw c.error("could not find \"" + name + "\" in any folder above " + start);
  }

  private static Value readTerragruntConfig(Invocation c) {
    c.expectArgs(1, 2);
    Path target = resolve(c, 0);
    SnapshotView snapshot = c.context().snapshot();
    c.context().recordProbe(target);
    if (snapshot.isDirectory(target)) {
      target = target.resolve(DEFAULT_CONFIG);
      c.context().recordProbe(target);
    }
    if (!snapshot.isFile(target) && snapshot.exists(target)) {
      throw EvaluationError.fatal(c.range(), "read_terragrunt_config: the configuration " + target + " is not a regular file");
    }
    if (!snapshot.isFile(target)) {
      if (c.args().size() == 2) {
        return c.arg(1);
      }
      throw c.argumentError(0, "the configuration " + target + " does not exist");
    }
    return c.context().readTerragruntConfig(target, c.range());
  }

  private static Path repoRoot(Invocation c) {
    return c.context().snapshot().gitTopLevel().orElseThrow(() ->
        c.error(c.context().snapshot().root() + " is not inside a git repository"));
  }

  private static String includeName(Invocation c) {
    return c.args().isEmpty() ? null : c.string(0);
  }

  private static Path resolve(Invocation c, int index) {
    return LexicalPaths.resolve(c.context().terragruntDir(), c.string(index));
  }

  private static Value path(Path p) {
    return Value.string(p.toString());
  }
}
