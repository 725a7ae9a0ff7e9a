package io.tglive.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Terragrunt's functions and Terraform's file-system functions: everything that reads the
 * evaluation context or the snapshot. Relative paths resolve from {@link
 * FunctionContext#terragruntDir()}, as in Terragrunt.
 */
final class TerragruntFunctions {

  /** Terragrunt's {@code MaxFoldersToCheck} default. */
  private static final int MAX_FOLDERS_TO_CHECK = 100;

  private static final String DEFAULT_CONFIG = "terragrunt.hcl";

  private TerragruntFunctions() {}

  static void register(FunctionTable t) {
    t.strict("find_in_parent_folders", TerragruntFunctions::findInParentFolders);
    t.strict("get_terragrunt_dir", c -> {
      c.expectArgs(0, 0);
      return path(c.context().terragruntDir());
    });
    t.strict("get_original_terragrunt_dir", c -> {
      c.expectArgs(0, 0);
      return path(c.context().originalTerragruntDir());
    });
    t.strict("get_parent_terragrunt_dir", c -> {
      c.expectArgs(0, 1);
      Path include = c.context().includeDirectory(includeName(c), c.range());
      return path(include == null ? c.context().terragruntDir() : include);
    });
    t.strict("path_relative_to_include", c -> {
      c.expectArgs(0, 1);
      Path include = c.context().includeDirectory(includeName(c), c.range());
      return Value.string(include == null ? "." : LexicalPaths.relative(include, c.context().terragruntDir()));
    });
    t.strict("path_relative_from_include", c -> {
      c.expectArgs(0, 1);
      Path include = c.context().includeDirectory(includeName(c), c.range());
      return Value.string(include == null ? "." : LexicalPaths.relative(c.context().terragruntDir(), include));
    });
    t.strict("get_repo_root", c -> {
      c.expectArgs(0, 0);
      return path(c.context().snapshot().root());
    });
    t.strict("get_path_from_repo_root", c -> {
      c.expectArgs(0, 0);
      return Value.string(LexicalPaths.relative(c.context().snapshot().root(), c.context().terragruntDir()));
    });
    t.strict("get_path_to_repo_root", c -> {
      c.expectArgs(0, 0);
      return Value.string(LexicalPaths.relative(c.context().terragruntDir(), c.context().snapshot().root()));
    });
    t.strict("get_env", c -> {
      c.expectArgs(1, 2);
      String value = c.context().environment().get(c.string(0));
      if (value != null) {
        return Value.string(value);
      }
      return c.args().size() == 2 ? Value.string(c.string(1)) : Value.string("");
    });
    t.strict("abspath", c -> {
      c.expectArgs(1, 1);
      return path(resolve(c, 0));
    });
    t.strict("fileexists", c -> {
      c.expectArgs(1, 1);
      Path file = resolve(c, 0);
      c.context().recordProbe(file);
      return Value.bool(c.context().snapshot().isFile(file));
    });
    t.strict("file", c -> {
      c.expectArgs(1, 1);
      Path file = resolve(c, 0);
      if (!c.context().snapshot().isFile(file)) {
        throw c.argumentError(0, "no file exists at " + file);
      }
      c.context().recordRead(file);
      return Value.string(new String(c.context().snapshot().readForEvaluation(file), StandardCharsets.UTF_8));
    });
    t.strict("mark_as_read", c -> {
      c.expectArgs(1, 1);
      c.context().recordRead(resolve(c, 0));
      return c.arg(0);
    });
    t.lenient("read_terragrunt_config", TerragruntFunctions::readTerragruntConfig);
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
    if (!snapshot.isFile(target)) {
      if (c.args().size() == 2) {
        return c.arg(1);
      }
      throw c.argumentError(0, "the configuration " + target + " does not exist");
    }
    return c.context().readTerragruntConfig(target, c.range());
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
