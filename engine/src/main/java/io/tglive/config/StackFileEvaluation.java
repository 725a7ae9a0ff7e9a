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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates a {@code terragrunt.stack.hcl} the way Terragrunt reads it before generating: its
 * locals, then the {@code source}, {@code path}, {@code enabled}, {@code no_dot_terragrunt_stack}
 * and {@code values} of each {@code unit} and {@code stack} block ({@code pkg/config/stack.go}).
 * {@code values} in the file are the stack's own generated values, as for a nested stack. A
 * disabled block generates nothing. An attribute that cannot be evaluated does not fail the file:
 * it leaves the component's source or path empty with the reason, for the caller to report.
 */
final class StackFileEvaluation {

  private StackFileEvaluation() {}

  static List<StackComponent> evaluate(SnapshotView snapshot, Map<String, String> environment, Path file)
      throws ConfigException {
    try {
      HclFile hcl = snapshot.parse(file);
      EvaluationSession session = new EvaluationSession(snapshot, environment, file.getParent());
      FileEvaluation evaluation = FileEvaluation.configuration(hcl, file, session);
      evaluation.evaluateAllLocals();
      if (!hcl.body().blocks("include").isEmpty()) {
        throw new EvaluationError(hcl.body().blocks("include").get(0).range(),
            "include blocks in a stack file are not supported; its units cannot be generated");
      }
      List<StackComponent> components = new ArrayList<>();
      for (Block block : hcl.body().blocks()) {
        if (block.type().equals("unit") || block.type().equals("stack")) {
          component(evaluation, file, block).ifPresent(components::add);
        }
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

  private static Optional<StackComponent> component(FileEvaluation evaluation, Path file, Block block) {
    Location location = new Location(file, block.range().line());
    String name = block.labels().isEmpty() ? "" : block.labels().get(0);
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
    Optional<String> path = string(evaluation, block, "path", problems);
    Optional<Value> noStack = value(evaluation, block, "no_dot_terragrunt_stack", problems);
    boolean noDotTerragruntStack = noStack.isPresent() && noStack.get() instanceof BoolValue b && b.value();
    if (noStack.isPresent() && !(noStack.get() instanceof BoolValue)) {
      problems.add("no_dot_terragrunt_stack is not known");
    }
    Optional<Value> values = value(evaluation, block, "values", new ArrayList<>());
    return Optional.of(new StackComponent(block.type(), name, source, path, noDotTerragruntStack, values, location,
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
