package io.tglive.run.terragrunt;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The provider configurations a plan adds: those its created resources use and no resource of the
 * prior state uses, read from the plan's {@code configuration} (each resource's
 * {@code provider_config_key}, resolved through module calls, and {@code provider_config}). Named as
 * a state names a resource's provider, {@code provider["registry.opentofu.org/hashicorp/random"].b}
 * or {@code module.x.provider["…"]}, so they can be matched against {@code state pull}. A new alias
 * of a provider the prior state already used has no new source address; this names it.
 */
final class ProviderConfigs {

  private static final Pattern MODULE_STEP =
      Pattern.compile("module\\.([A-Za-z0-9_-]+)(?:\\[(?:\"(?:[^\"\\\\]|\\\\.)*\"|[0-9]+)\\])?");

  private ProviderConfigs() {}

  /** The configurations used by created resources and by no resource of the prior state. */
  static SortedSet<String> added(JsonNode plan) {
    JsonNode configuration = plan.path("configuration");
    Map<String, String> keys = new HashMap<>();
    configured(configuration.path("root_module"), "", keys);
    Set<String> prior = new HashSet<>();
    priorKeys(plan.path("prior_state").path("values").path("root_module"), "", keys, prior);
    SortedSet<String> added = new TreeSet<>();
    for (JsonNode change : plan.path("resource_changes")) {
      JsonNode actions = change.path("change").path("actions");
      if (!"managed".equals(change.path("mode").asText()) || actions.size() != 1
          || !"create".equals(actions.get(0).asText())) {
        continue;
      }
      String key = keys.get(resourceKey(change.path("module_address").asText(""), change));
      if (key != null && !prior.contains(key)) {
        String address = stateAddress(configuration.path("provider_config").path(key));
        if (address != null) {
          added.add(address);
        }
      }
    }
    return added;
  }

  /** Every configured resource's provider configuration key, by module path (no index) and mode.type.name. */
  private static void configured(JsonNode module, String path, Map<String, String> keys) {
    for (JsonNode resource : module.path("resources")) {
      keys.put(path + "|" + resource.path("mode").asText() + "." + resource.path("type").asText() + "."
          + resource.path("name").asText(), resource.path("provider_config_key").asText());
    }
    module.path("module_calls").fields().forEachRemaining(call ->
        configured(call.getValue().path("module"), path + "module." + call.getKey() + ".", keys));
  }

  /** The configuration keys of the prior state's managed resources that the configuration still has. */
  private static void priorKeys(JsonNode module, String address, Map<String, String> keys, Set<String> prior) {
    for (JsonNode resource : module.path("resources")) {
      String key = keys.get(resourceKey(address, resource));
      if ("managed".equals(resource.path("mode").asText()) && key != null) {
        prior.add(key);
      }
    }
    module.path("child_modules").forEach(child -> priorKeys(child, child.path("address").asText(""), keys, prior));
  }

  /** {@code module.a.module.b.|managed.random_pet.x} for a resource of module instance {@code module.a["k"].module.b}. */
  private static String resourceKey(String moduleAddress, JsonNode resource) {
    StringBuilder path = new StringBuilder();
    Matcher step = MODULE_STEP.matcher(moduleAddress);
    while (step.find()) {
      path.append("module.").append(step.group(1)).append('.');
    }
    return path + "|" + resource.path("mode").asText() + "." + resource.path("type").asText() + "."
        + resource.path("name").asText();
  }

  /** A {@code provider_config} entry as a state names it, or null without a source address. */
  private static String stateAddress(JsonNode config) {
    String source = config.path("full_name").asText("");
    if (source.isEmpty()) {
      return null;
    }
    String module = config.path("module_address").asText("");
    String alias = config.path("alias").asText("");
    return (module.isEmpty() ? "" : module + ".") + "provider[\"" + source + "\"]" + (alias.isEmpty() ? "" : "." + alias);
  }
}
