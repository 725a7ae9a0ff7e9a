package io.tglive.config;

import io.tglive.hcl.SourceRange;
import java.nio.file.Path;
import java.util.Map;

/** What Terragrunt's context-dependent functions see while one file is evaluated. */
interface FunctionContext {

  /**
   * The directory of the configuration being parsed, Terragrunt's {@code get_terragrunt_dir()}: the
   * unit for the unit's file and its includes, the target file for {@code read_terragrunt_config}.
   * Relative paths and {@code find_in_parent_folders} start here.
   */
  Path terragruntDir();

  /**
   * The directory of the file being evaluated, from which Terraform's file functions ({@code
   * file}, {@code templatefile}, ...) resolve relative paths: an included file's own directory.
   */
  Path fileDirectory();

  /** The directory of the unit that started the evaluation ({@code get_original_terragrunt_dir()}). */
  Path originalTerragruntDir();

  /**
   * The directory of the selected include ({@code get_parent_terragrunt_dir()}), or null when there
   * is none; {@code name} selects among several includes and may be null.
   */
  Path includeDirectory(String name, SourceRange range);

  /** The snapshot being read. */
  SnapshotView snapshot();

  /** The environment {@code get_env} reads. */
  Map<String, String> environment();

  /** Records that the configuration read this file or directory. */
  void recordRead(Path path);

  /** Records that the configuration depends on whether this path is a file, a directory or missing. */
  void recordProbe(Path path);

  /** Records a {@code find_in_parent_folders} lookup the configuration depends on. */
  void recordLookup(ParentFolderLookup lookup);

  /** Records a non-fatal finding. */
  void diagnostic(SourceRange range, String message);

  /** The value of {@code read_terragrunt_config} for an existing file. */
  Value readTerragruntConfig(Path file, SourceRange range);
}
