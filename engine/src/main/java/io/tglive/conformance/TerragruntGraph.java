package io.tglive.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What {@code terragrunt find --json} printed: units in its order, with their dependencies (paths
 * relative to the directory it ran in, {@code ../} for external ones) and whether an {@code
 * exclude} block keeps them out of {@code plan} or {@code apply}.
 *
 * @param order unit paths in the order terragrunt printed them (run order with {@code --dag})
 * @param dependencies each unit's dependency paths
 * @param excluded units whose {@code exclude} condition is true and whose actions cover plan or apply
 * @param stacks paths of stack components ({@code terragrunt.stack.hcl} directories)
 */
public record TerragruntGraph(
    List<String> order,
    SortedMap<String, SortedSet<String>> dependencies,
    SortedSet<String> excluded,
    SortedSet<String> stacks) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public TerragruntGraph {
    order = List.copyOf(order);
    SortedMap<String, SortedSet<String>> copy = new TreeMap<>();
    dependencies.forEach((unit, targets) -> copy.put(unit, Collections.unmodifiableSortedSet(new TreeSet<>(targets))));
    dependencies = Collections.unmodifiableSortedMap(copy);
    excluded = Collections.unmodifiableSortedSet(new TreeSet<>(excluded));
    stacks = Collections.unmodifiableSortedSet(new TreeSet<>(stacks));
  }

  /** The units, sorted. */
  public SortedSet<String> units() {
    return new TreeSet<>(order);
  }

  /** Parses the JSON array {@code terragrunt find --json} prints; {@code source} names it in errors. */
  public static TerragruntGraph parse(String json, String source) throws ConformanceException {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new ConformanceException(source + ": output is not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isArray()) {
      throw new ConformanceException(source + ": output is not a JSON array");
    }
    List<String> order = new ArrayList<>();
    SortedMap<String, SortedSet<String>> dependencies = new TreeMap<>();
    SortedSet<String> excluded = new TreeSet<>();
    SortedSet<String> stacks = new TreeSet<>();
    for (JsonNode component : root) {
      String path = component.path("path").asText(null);
      if (path == null) {
        throw new ConformanceException(source + ": a component has no path: " + component);
      }
      if ("stack".equals(component.path("type").asText())) {
        stacks.add(path);
        continue;
      }
      order.add(path);
      SortedSet<String> targets = new TreeSet<>();
      component.path("dependencies").forEach(target -> targets.add(target.asText()));
      dependencies.put(path, targets);
      if (excludesPlanOrApply(component.path("exclude"))) {
        excluded.add(path);
      }
    }
    return new TerragruntGraph(order, dependencies, excluded, stacks);
  }

  /** Terragrunt's rule ({@code IsActionListedInExclude}) for the plan and apply commands. */
  private static boolean excludesPlanOrApply(JsonNode exclude) {
    if (!exclude.path("if").asBoolean(false)) {
      return false;
    }
    for (JsonNode action : exclude.path("actions")) {
      String name = action.asText().toLowerCase(Locale.ROOT);
      if (name.equals("all") || name.equals("all_except_output") || name.equals("plan") || name.equals("apply")) {
        return true;
      }
    }
    return false;
  }
}
