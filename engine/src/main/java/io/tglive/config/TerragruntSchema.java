package io.tglive.config;

import io.tglive.hcl.Attribute;
import io.tglive.hcl.Block;
import io.tglive.hcl.Body;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Terragrunt's schema of a configuration file ({@code terragruntConfigFile} in Terragrunt's {@code
 * pkg/config/config.go} and the structs of its blocks), checked the way HCL's decoder checks it, so
 * a configuration Terragrunt rejects is an error here too instead of silently losing, say, the
 * edge of a misspelt {@code dependncy} block: unknown blocks and arguments, a second {@code
 * terraform}, {@code locals}, {@code dependencies} (or other single) block, labels where none
 * belong or missing where one does, and an argument written as a block or the other way round.
 * Bodies whose contents Terragrunt decodes elsewhere or leaves open ({@code locals}, {@code
 * remote_state}, {@code generate}, hooks, ...) are not looked into.
 */
final class TerragruntSchema {

  /** How a block may appear: its number of labels, whether it may repeat, and its body (null: not checked). */
  private record BlockRule(int minLabels, int maxLabels, boolean repeatable, Schema body) {}

  /** The arguments and blocks a body may hold. */
  private record Schema(Set<String> attributes, Map<String, BlockRule> blocks) {}

  private static final Schema TERRAFORM = new Schema(
      Set.of("source", "version", "update_source_with_cas", "mutable", "include_in_copy", "exclude_from_copy",
          "copy_terraform_lock_file"),
      Map.of(
          "extra_arguments", new BlockRule(1, 1, true, null),
          "before_hook", new BlockRule(1, 1, true, null),
          "after_hook", new BlockRule(1, 1, true, null),
          "error_hook", new BlockRule(1, 1, true, null)));

  private static final Schema DEPENDENCY = new Schema(
      Set.of("config_path", "enabled", "skip_outputs", "mock_outputs", "mock_outputs_allowed_terraform_commands",
          "mock_outputs_merge_with_state", "mock_outputs_merge_strategy_with_state"),
      Map.of("expansion", new BlockRule(0, Integer.MAX_VALUE, false, null)));

  private static final Schema FILE = new Schema(
      Set.of("terraform_binary", "terraform_version_constraint", "terragrunt_version_constraint", "inputs",
          "remote_state", "download_dir", "prevent_destroy", "iam_role", "iam_assume_role_duration",
          "iam_assume_role_session_name", "iam_web_identity_token", "generate"),
      blocks());

  /** A stack file ({@code StackConfig} in Terragrunt's {@code pkg/config/stack.go}); unit and stack bodies are left open. */
  private static final Schema STACK_FILE = new Schema(
      Set.of(),
      Map.of(
          "locals", new BlockRule(0, 0, false, null),
          "include", new BlockRule(0, 1, true, new Schema(Set.of("path"), Map.of())),
          "unit", new BlockRule(1, 1, true, null),
          "stack", new BlockRule(1, 1, true, null)));

  private static Map<String, BlockRule> blocks() {
    Map<String, BlockRule> blocks = new HashMap<>();
    blocks.put("catalog", new BlockRule(0, 0, false, null));
    blocks.put("engine", new BlockRule(0, 0, false, null));
    blocks.put("terraform", new BlockRule(0, 0, false, TERRAFORM));
    blocks.put("remote_state", new BlockRule(0, 0, false, null));
    blocks.put("dependencies", new BlockRule(0, 0, false, new Schema(Set.of("paths"), Map.of())));
    blocks.put("dependency", new BlockRule(1, 1, true, DEPENDENCY));
    blocks.put("feature", new BlockRule(1, 1, true, new Schema(Set.of("default"), Map.of())));
    blocks.put("exclude", new BlockRule(0, 0, false,
        new Schema(Set.of("if", "actions", "exclude_dependencies", "no_run"), Map.of())));
    blocks.put("errors", new BlockRule(0, 0, false, null));
    blocks.put("generate", new BlockRule(1, 1, true, null));
    blocks.put("locals", new BlockRule(0, 0, false, null));
    // A bare include is given an empty label by Terragrunt before decoding.
    blocks.put("include", new BlockRule(0, 1, true,
        new Schema(Set.of("path", "expose", "merge_strategy"), Map.of())));
    return Map.copyOf(blocks);
  }

  private TerragruntSchema() {}

  /**
   * Checks a file's body against its schema, chosen by the file's name: a stack file's or a
   * configuration's ({@code terragrunt.values.hcl}, a set of free attributes, is not checked); the
   * first violation, in source order, is an {@link EvaluationError}.
   */
  static void check(Path file, Body body) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    if (name.equals(StackValues.FILE_NAME)) {
      return;
    }
    check(body, name.equals("terragrunt.stack.hcl") ? STACK_FILE : FILE, null);
  }

  /** Checks a file that a stack file includes against the stack schema, whatever its name. */
  static void checkStack(Body body) {
    check(body, STACK_FILE, null);
  }

  private static void check(Body body, Schema schema, String inside) {
    String where = inside == null ? "" : " in a " + inside + " block";
    Map<String, Attribute> seen = new HashMap<>();
    for (Attribute attribute : body.attributes()) {
      String name = attribute.name();
      if (!schema.attributes().contains(name)) {
        String hint = schema.blocks().containsKey(name)
            ? "; " + name + " is a block: write " + name + " { ... }"
            : suggestion(name, schema);
        throw EvaluationError.fatal(attribute.range(), "unsupported argument \"" + name + "\"" + where + hint);
      }
      Attribute first = seen.putIfAbsent(name, attribute);
      if (first != null) {
        throw EvaluationError.fatal(attribute.range(),
            "the argument \"" + name + "\" is set twice" + where + "; first at line " + first.range().line());
      }
    }
    Map<String, Block> singles = new HashMap<>();
    for (Block block : body.blocks()) {
      String type = block.type();
      BlockRule rule = schema.blocks().get(type);
      if (rule == null) {
        String hint = schema.attributes().contains(type)
            ? "; " + type + " is an argument: write " + type + " = ..."
            : suggestion(type, schema);
        throw EvaluationError.fatal(block.range(), "unsupported block type \"" + type + "\"" + where + hint);
      }
      int labels = block.labels().size();
      if (labels < rule.minLabels() || labels > rule.maxLabels()) {
        throw EvaluationError.fatal(block.range(), "the " + type + " block " + labelRule(rule) + ", not " + labels);
      }
      if (!rule.repeatable()) {
        Block first = singles.putIfAbsent(type, block);
        if (first != null) {
          throw EvaluationError.fatal(block.range(),
              "duplicate " + type + " block" + where + "; only one is allowed, the first is at line "
                  + first.range().line());
        }
      }
      if (rule.body() != null) {
        check(block.body(), rule.body(), type);
      }
    }
  }

  private static String labelRule(BlockRule rule) {
    if (rule.maxLabels() == 0) {
      return "takes no label";
    }
    if (rule.minLabels() == rule.maxLabels()) {
      return "takes " + rule.minLabels() + " label" + (rule.minLabels() == 1 ? "" : "s");
    }
    return "takes " + rule.minLabels() + " to " + rule.maxLabels() + " labels";
  }

  /** {@code "; did you mean "x"?"} for the nearest known name within two edits, else nothing. */
  private static String suggestion(String name, Schema schema) {
    String best = null;
    int bestDistance = 3;
    for (String known : schema.attributes()) {
      int distance = distance(name, known);
      if (distance < bestDistance) {
        best = known;
        bestDistance = distance;
      }
    }
    for (String known : schema.blocks().keySet()) {
      int distance = distance(name, known);
      if (distance < bestDistance) {
        best = known;
        bestDistance = distance;
      }
    }
    return best == null ? "" : "; did you mean \"" + best + "\"?";
  }

  /** Levenshtein distance, for short names only. */
  private static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 2 || a.length() > 64 || b.length() > 64) {
      return Integer.MAX_VALUE;
    }
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
