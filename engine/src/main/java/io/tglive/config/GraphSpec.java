package io.tglive.config;

import io.tglive.hcl.Attribute;
import io.tglive.hcl.Block;
import io.tglive.hcl.SourceRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The graph-relevant blocks of a configuration, not yet evaluated: {@code dependency} blocks,
 * {@code dependencies.paths}, {@code exclude} and {@code terraform.source}. Each attribute keeps
 * the file evaluation it belongs to, so after merging includes it is evaluated in the right
 * context.
 *
 * @param exclude the attributes of the {@code exclude} block, or null without one
 * @param terraformSource {@code terraform.source}, or null when not set
 */
record GraphSpec(
    Map<String, DependencySpec> dependencies,
    List<Sourced> dependencyPaths,
    Map<String, Sourced> exclude,
    Sourced terraformSource) {

  /** An attribute and the file evaluation that evaluates it. */
  record Sourced(Attribute attribute, FileEvaluation owner) {}

  /** A {@code dependency} block: its name, its attributes by name, and where it is declared. */
  record DependencySpec(String name, Map<String, Sourced> attributes, SourceRange range) {}

  /** The graph-relevant blocks of one file. */
  static GraphSpec of(FileEvaluation file) {
    Map<String, DependencySpec> dependencies = new LinkedHashMap<>();
    for (Block block : file.body().blocks("dependency")) {
      if (block.labels().size() != 1) {
        throw new EvaluationError(block.range(), "a dependency block needs exactly one label, its name");
      }
      String name = block.labels().get(0);
      if (dependencies.containsKey(name)) {
        throw new EvaluationError(block.range(), "there are two dependency blocks named \"" + name + "\"");
      }
      dependencies.put(name, new DependencySpec(name, attributes(block, file), block.range()));
    }
    List<Sourced> paths = new ArrayList<>();
    for (Block block : file.body().blocks("dependencies")) {
      block.body().attribute("paths").ifPresent(a -> paths.add(new Sourced(a, file)));
    }
    Map<String, Sourced> exclude = null;
    for (Block block : file.body().blocks("exclude")) {
      exclude = attributes(block, file);
    }
    Sourced source = null;
    for (Block block : file.body().blocks("terraform")) {
      var attribute = block.body().attribute("source");
      if (attribute.isPresent()) {
        source = new Sourced(attribute.get(), file);
      }
    }
    return new GraphSpec(dependencies, paths, exclude, source);
  }

  private static Map<String, Sourced> attributes(Block block, FileEvaluation file) {
    Map<String, Sourced> attributes = new LinkedHashMap<>();
    for (Attribute attribute : block.body().attributes()) {
      attributes.put(attribute.name(), new Sourced(attribute, file));
    }
    return attributes;
  }
}
