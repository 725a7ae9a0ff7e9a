package io.tglive.config;

import io.tglive.config.Value.BoolValue;
import io.tglive.config.Value.StringValue;
import io.tglive.hcl.Attribute;
import io.tglive.hcl.Block;
import io.tglive.hcl.HclFile;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates a {@code terragrunt.stack.hcl} the way Terragrunt reads it before generating ({@code
 * ParseStackConfig} in {@code pkg/config/stack.go}): its locals; then the {@code path} of each of
 * its own {@code unit} and {@code stack} blocks, which give the {@code unit.<name>.path} and {@code
 * stack.<name>.path} variables (where each generates to, an absolute path); then its {@code
 * include} blocks, whose files' {@code unit} and {@code stack} blocks are appended to its own and
 * evaluated in its context; then the {@code source}, {@code path}, {@code enabled}, {@code
 * no_dot_terragrunt_stack} and {@code values} of every block. {@code values} in the file are the
 * stack's own generated values, as for a nested stack. A disabled block generates nothing. An
 * attribute that cannot be evaluated does not fail the file: it leaves the component's source or
 * path empty with the reason, for the caller to report. What Terragrunt rejects is a {@link
 * ConfigException}: an include that cannot be read, an included file with {@code locals} or {@code
 * include} blocks or outside the stack schema, two units (or two stacks) of one name.
 */
final class StackFileEvaluation {

  private static final String STACK_DIRECTORY = ".terragrunt-stack";

  private StackFileEvaluation() {}

  /** A {@code unit} or {@code stack} block and the file that declares it (the stack file or an included one). */
  private record Declared(Block block, Path file) {

    String name() {
      return block.labels().isEmpty() ? "" : block.labels().get(0);
    }
  }

  /**
   * Where a block generates to, as far as its own attributes tell.
   *
   * @param path the {@code path} attribute, empty when it could not be evaluated to a string
   * @param noDotTerragruntStack {@code no_dot_terragrunt_stack}
   * @param problems why the path or the flag is not known
   */
  private record Placement(Optional<String> path, boolean noDotTerragruntStack, List<String> problems) {}

  static List<StackComponent> evaluate(SnapshotView snapshot, Map<String, String> environment, Path file)
      throws ConfigException {
    try {
      HclFile hcl = snapshot.parse(file);
      EvaluationSession session = new EvaluationSession(snapshot, environment, file.getParent());
      FileEvaluation evaluation = FileEvaluation.configuration(hcl, file, session);
      evaluation.evaluateAllLocals();
      List<Declared> declared = components(hcl, file);
      // The paths of the file's own blocks are evaluated before unit.* and stack.* exist.
      Map<Declared, Placement> placements = new IdentityHashMap<>();
      for (Declared component : declared) {
        placements.put(component, placement(evaluation, component.block()));
      }
      evaluation.bindStackComponents(
          references(declared, placements, "unit", file.getParent()),
          references(declared, placements, "stack", file.getParent()));
      for (Block include : hcl.body().blocks("include")) {
        declared.addAll(included(evaluation, snapshot, file.getParent(), include));
      }
      requireUniqueNames(declared);
      List<StackComponent> components = new ArrayList<>();
      for (Declared component : declared) {
        Placement placement = placements.get(component);
        component(evaluation, component, placement != null ? placement : placement(evaluation, component.block()))
            .ifPresent(components::add);
      }
      return components;
    } catch (EvaluationError e) {
      throw new ConfigException(e.getMessage());
    } catch (NoSuchFileException e) {
      throw new ConfigException(file + ": no such file");
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot be read: " + e.getMessage(), e);
    } catch (StackOverflowError e) {
      throw new ConfigException(file + ": the configuration is nested too deeply to evaluate");
    }
  }

  /** The {@code unit} and {@code stack} blocks of a file, in source order. */
  private static List<Declared> components(HclFile hcl, Path file) {
    List<Declared> declared = new ArrayList<>();
    for (Block block : hcl.body().blocks()) {
      if (block.type().equals("unit") || block.type().equals("stack")) {
        declared.add(new Declared(block, file));
      }
    }
    return declared;
  }

  /**
   * {@code unit} or {@code stack} as a variable: each block of that kind by name, with the {@code
   * path} it generates to (Terragrunt's {@code GeneratedComponentPath}: the stack directory, then
   * {@code .terragrunt-stack} unless {@code no_dot_terragrunt_stack}, then the path, cleaned);
   * unknown when its path is not known.
   */
  private static Value references(
      List<Declared> declared, Map<Declared, Placement> placements, String kind, Path directory) {
    Map<String, Value> byName = new LinkedHashMap<>();
    for (Declared component : declared) {
      if (!component.block().type().equals(kind)) {
        continue;
      }
      Placement placement = placements.get(component);
      List<String> problems = new ArrayList<>(placement.problems());
      Value path = null;
      if (problems.isEmpty() && placement.path().isPresent()) {
        Path base = placement.noDotTerragruntStack() ? directory : directory.resolve(STACK_DIRECTORY);
        try {
          path = Value.string(LexicalPaths.resolve(base, relative(placement.path().get())).toString());
        } catch (java.nio.file.InvalidPathException e) {
          problems.add("path is not a valid path: " + PathText.problem(e));
        }
      }
      if (path == null) {
        path = Value.unknown("the path of " + kind + " \"" + component.name() + "\": " + String.join("; ", problems));
      }
      byName.put(component.name(), Value.object(Map.of("path", path)));
    }
    return Value.object(byName);
  }

  /** Go's {@code filepath.Join} joins an absolute path as a relative one. */
  private static String relative(String path) {
    int start = 0;
    while (start < path.length() && path.charAt(start) == '/') {
      start++;
    }
    return path.substring(start);
  }

  /**
   * The {@code unit} and {@code stack} blocks of the file an {@code include} block names (relative
   * to the stack file's directory), checked as Terragrunt's {@code processStackConfigIncludes}
   * checks it.
   */
  private static List<Declared> included(
      FileEvaluation evaluation, SnapshotView snapshot, Path directory, Block include) {
    String what = "include \"" + (include.labels().isEmpty() ? "" : include.labels().get(0)) + "\"";
    Attribute pathAttribute = include.body().attribute("path")
        .orElseThrow(() -> EvaluationError.fatal(include.range(), "the " + what + " block has no path"));
    Value value = evaluation.evaluate(pathAttribute.value());
    if (!(value instanceof StringValue path)) {
      throw EvaluationError.fatal(pathAttribute.value().range(), "the path of " + what + " is not a known string"
          + (value instanceof Value.UnknownValue unknown ? ": " + unknown.reason() : ""));
    }
    Path target;
    try {
      target = LexicalPaths.resolve(directory, path.value());
    } catch (java.nio.file.InvalidPathException e) {
      throw EvaluationError.fatal(pathAttribute.value().range(), "not a valid path: " + PathText.problem(e));
    }
    if (!snapshot.isFile(target)) {
      throw EvaluationError.fatal(pathAttribute.value().range(), "failed to read " + what + ": " + target
          + (snapshot.exists(target) ? " is not a regular file" : " does not exist"));
    }
    HclFile hcl = snapshot.parseForEvaluation(target);
    TerragruntSchema.checkStack(hcl.body());
    List<Block> locals = hcl.body().blocks("locals");
    if (!locals.isEmpty()) {
      throw EvaluationError.fatal(locals.get(0).range(),
          "the stack file included by " + what + " must not define locals");
    }
    List<Block> nested = hcl.body().blocks("include");
    if (!nested.isEmpty()) {
      throw EvaluationError.fatal(nested.get(0).range(),
          "the stack file included by " + what + " must not define nested includes");
    }
    return components(hcl, target);
  }

  /** Two units, or two stacks, of one name are an error, after includes are merged. */
  private static void requireUniqueNames(List<Declared> declared) {
    Map<String, Declared> seen = new HashMap<>();
    for (Declared component : declared) {
      Declared first = seen.putIfAbsent(component.block().type() + " " + component.name(), component);
      if (first != null) {
        throw EvaluationError.fatal(component.block().range(), "duplicate " + component.block().type() + " name \""
            + component.name() + "\"; the first is at " + first.file() + ":" + first.block().range().line());
      }
    }
  }

  private static Placement placement(FileEvaluation evaluation, Block block) {
    List<String> problems = new ArrayList<>();
    Optional<String> path = string(evaluation, block, "path", problems);
    Optional<Value> noStack = value(evaluation, block, "no_dot_terragrunt_stack", problems);
    boolean noDotTerragruntStack = noStack.isPresent() && noStack.get() instanceof BoolValue b && b.value();
    if (noStack.isPresent() && !(noStack.get() instanceof BoolValue)) {
      problems.add("no_dot_terragrunt_stack is not known");
    }
    return new Placement(path, noDotTerragruntStack, problems);
  }

  private static Optional<StackComponent> component(FileEvaluation evaluation, Declared declared, Placement placement) {
    Block block = declared.block();
    Location location = new Location(declared.file(), block.range().line());
    List<String> problems = new ArrayList<>();
    Optional<Value> enabled = value(evaluation, block, "enabled", problems);
    if (enabled.isPresent() && enabled.get() instanceof BoolValue on && !on.value()) {
      return Optional.empty();
    }
    if (enabled.isPresent() && !(enabled.get() instanceof BoolValue)) {
      problems.add("enabled is not known");
    }
    if (!block.body().blocks("autoinclude").isEmpty()) {
      // Its dependencies would be generated into a terragrunt.autoinclude.hcl the unit includes.
      problems.add("autoinclude blocks are not generated offline");
    }
    Optional<String> source = string(evaluation, block, "source", problems);
    problems.addAll(placement.problems());
    Optional<Value> values = value(evaluation, block, "values", new ArrayList<>());
    return Optional.of(new StackComponent(block.type(), declared.name(), source, placement.path(),
        placement.noDotTerragruntStack(), values, location,
        problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems))));
  }

  private static Optional<String> string(FileEvaluation evaluation, Block block, String name, List<String> problems) {
    Optional<Value> value = value(evaluation, block, name, problems);
    if (value.isEmpty()) {
      if (problems.stream().noneMatch(p -> p.startsWith(name + " "))) {
        problems.add(name + " is missing");
      }
      return Optional.empty();
    }
    if (value.get() instanceof StringValue s) {
      return Optional.of(s.value());
    }
    problems.add(name + " is not a known string");
    return Optional.empty();
  }

  /** The attribute's value, empty when absent or when it fails (the failure added to {@code problems}). */
  private static Optional<Value> value(FileEvaluation evaluation, Block block, String name, List<String> problems) {
    Optional<Attribute> attribute = block.body().attribute(name);
    if (attribute.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(evaluation.evaluate(attribute.get().value()));
    } catch (EvaluationError e) {
      problems.add(name + " cannot be evaluated: " + e.detail());
      return Optional.empty();
    }
  }
}
