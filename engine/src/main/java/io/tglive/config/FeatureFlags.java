package io.tglive.config;

import io.tglive.hcl.Block;
import io.tglive.hcl.SourceRange;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Terragrunt's feature flag overrides ({@code --feature name=value}, {@code TG_FEATURE}): read from
 * the {@code TG_FEATURE} variable of the evaluation environment, as comma-separated {@code
 * name=value} pairs; front ends put their {@code --feature} options there.
 */
final class FeatureFlags {

  /** The environment variable holding the overrides. */
  static final String VARIABLE = "TG_FEATURE";

  private FeatureFlags() {}

  /**
   * The feature flags of a configuration as {@code feature.<name>}, each {@code {name, value}}: the
   * {@code feature} blocks of the configuration and of its includes (unless {@code no_merge}; the
   * child's block wins), each valued by its override in {@link #VARIABLE} or else its evaluated
   * {@code default}; overrides of flags no block declares are strings.
   */
  static Map<String, Value> of(FileEvaluation configuration) {
    Map<String, Block> blocks = new LinkedHashMap<>();
    Map<String, FileEvaluation> owners = new HashMap<>();
    for (FileEvaluation.Include include : configuration.includes()) {
      if (include.strategy != MergeStrategy.NO_MERGE) {
        FileEvaluation parent = configuration.included(include);
        for (Block block : parent.body().blocks("feature")) {
          blocks.put(name(block), block);
          owners.put(name(block), parent);
        }
      }
    }
    for (Block block : configuration.body().blocks("feature")) {
      blocks.put(name(block), block);
      owners.put(name(block), configuration);
    }
    Map<String, String> overrides = overrides(configuration.environment());
    Map<String, Value> values = new LinkedHashMap<>();
    for (Map.Entry<String, Block> entry : blocks.entrySet()) {
      String name = entry.getKey();
      Block block = entry.getValue();
      Value defaultValue =
          block.body().attribute("default").map(a -> owners.get(name).evaluate(a.value())).orElse(null);
      Value value;
      if (overrides.containsKey(name)) {
        value = typed(overrides.get(name), defaultValue, block.range());
      } else if (defaultValue == null) {
        throw new EvaluationError(
            block.range(), "the feature flag \"" + name + "\" has no default and no override in " + VARIABLE);
      } else {
        value = defaultValue;
      }
      values.put(name, flag(name, value));
    }
    overrides.forEach((name, text) -> values.putIfAbsent(name, flag(name, Value.string(text))));
    return values;
  }

  private static String name(Block block) {
    if (block.labels().size() != 1) {
      throw new EvaluationError(block.range(), "a feature block needs exactly one label, its name");
    }
    return block.labels().get(0);
  }

  /** The overrides in {@code environment}, by flag name, in order; a later pair wins. */
  static Map<String, String> overrides(Map<String, String> environment) {
    Map<String, String> overrides = new LinkedHashMap<>();
    String text = environment.get(VARIABLE);
    if (text == null || text.isBlank()) {
      return overrides;
    }
    for (String pair : text.split(",")) {
      int equals = pair.indexOf('=');
      if (equals <= 0) {
        throw new EvaluationError(VARIABLE + ": \"" + pair.strip() + "\" is not name=value");
      }
      overrides.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
    }
    return overrides;
  }

  /**
   * An override as Terragrunt types it: a bool when the flag's default is a bool (Go's {@code
   * strconv.ParseBool} spellings), else the string as given.
   */
  static Value typed(String override, Value defaultValue, SourceRange range) {
    if (defaultValue instanceof Value.BoolValue) {
      switch (override) {
        case "1", "t", "T", "TRUE", "true", "True" -> {
          return Value.TRUE;
        }
        case "0", "f", "F", "FALSE", "false", "False" -> {
          return Value.bool(false);
        }
        default -> throw new EvaluationError(
            range, VARIABLE + ": the feature flag is a bool, but the override is \"" + override + "\"");
      }
    }
    return Value.string(override);
  }

  /** The value of {@code feature.<name>}. */
  static Value flag(String name, Value value) {
    Map<String, Value> flag = new LinkedHashMap<>();
    flag.put("name", Value.string(name));
    flag.put("value", value);
    return Value.object(flag);
  }
}
