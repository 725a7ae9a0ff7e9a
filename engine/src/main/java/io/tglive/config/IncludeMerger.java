package io.tglive.config;

import io.tglive.config.Value.ListValue;
import io.tglive.config.Value.ObjectValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges an included configuration into the including one, following Terragrunt's {@code
 * merge_strategy}: the including (child) configuration overrides the included (parent) one.
 */
final class IncludeMerger {

  private IncludeMerger() {}

  /**
   * The graph blocks after merging {@code parent} (included) into {@code child}. Shallow: {@code
   * dependency} blocks merge by name with the child's block replacing the parent's; deep: their
   * attributes merge, the child's winning. Both concatenate {@code dependencies.paths}; the child's
   * {@code exclude} and {@code terraform.source} win. {@code no_merge} keeps the child as is.
   */
  static GraphSpec merge(GraphSpec parent, GraphSpec child, MergeStrategy strategy) {
    if (strategy == MergeStrategy.NO_MERGE) {
      return child;
    }
    boolean deep = strategy == MergeStrategy.DEEP;
    Map<String, GraphSpec.DependencySpec> dependencies = new LinkedHashMap<>(parent.dependencies());
    for (GraphSpec.DependencySpec dependency : child.dependencies().values()) {
      GraphSpec.DependencySpec inherited = dependencies.get(dependency.name());
      if (deep && inherited != null) {
        Map<String, GraphSpec.Sourced> attributes = new LinkedHashMap<>(inherited.attributes());
        attributes.putAll(dependency.attributes());
        dependency = new GraphSpec.DependencySpec(dependency.name(), attributes, dependency.range());
      }
      dependencies.put(dependency.name(), dependency);
    }
    List<GraphSpec.Sourced> paths = new ArrayList<>(parent.dependencyPaths());
    paths.addAll(child.dependencyPaths());
    Map<String, GraphSpec.Sourced> exclude = child.exclude();
    if (exclude == null) {
      exclude = parent.exclude();
    } else if (deep && parent.exclude() != null) {
      exclude = new LinkedHashMap<>(parent.exclude());
      exclude.putAll(child.exclude());
    }
    GraphSpec.Sourced source = child.terraformSource() != null ? child.terraformSource() : parent.terraformSource();
    return new GraphSpec(dependencies, paths, exclude, source);
  }

  /**
   * A configuration object after merging {@code parent} into {@code child}, for {@code
   * read_terragrunt_config} of a file with includes. {@code locals} are never merged. Shallow: the
   * child's attributes replace the parent's, except {@code inputs} and {@code dependency}, merged
   * one level; deep: objects merge recursively and lists concatenate.
   */
  static Value mergeObjects(Value parent, Value child, MergeStrategy strategy) {
    if (strategy == MergeStrategy.NO_MERGE || !(parent instanceof ObjectValue p) || !(child instanceof ObjectValue c)) {
      return child;
    }
    Map<String, Value> merged = new LinkedHashMap<>(p.attributes());
    merged.remove("locals");
    for (Map.Entry<String, Value> entry : c.attributes().entrySet()) {
      String key = entry.getKey();
      Value inherited = merged.get(key);
      Value value = entry.getValue();
      if (inherited != null && strategy == MergeStrategy.DEEP) {
        value = deepMerge(inherited, value);
      } else if (inherited instanceof ObjectValue io
          && value instanceof ObjectValue vo
          && (key.equals("inputs") || key.equals("dependency"))) {
        Map<String, Value> oneLevel = new LinkedHashMap<>(io.attributes());
        oneLevel.putAll(vo.attributes());
        value = Value.object(oneLevel);
      }
      merged.put(key, value);
    }
    return Value.object(merged);
  }

  /** Objects merged recursively and lists concatenated; otherwise the child wins. */
  static Value deepMerge(Value parent, Value child) {
    if (parent instanceof ObjectValue p && child instanceof ObjectValue c) {
      Map<String, Value> merged = new LinkedHashMap<>(p.attributes());
      c.attributes().forEach((k, v) -> merged.merge(k, v, IncludeMerger::deepMerge));
      return Value.object(merged);
    }
    if (parent instanceof ListValue p && child instanceof ListValue c) {
      List<Value> merged = new ArrayList<>(p.elements());
      merged.addAll(c.elements());
      return Value.list(merged);
    }
    return child;
  }
}
