package io.tglive.config;

import io.tglive.hcl.SourceRange;
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
