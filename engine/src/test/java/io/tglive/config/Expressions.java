package io.tglive.config;

import io.tglive.hcl.HclParser;
import io.tglive.hcl.SourceRange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Evaluates single expressions without a repository: only pure functions, no roots. */
final class Expressions {

  /** Diagnostics recorded by the last {@link #eval}. */
  final List<String> diagnostics = new ArrayList<>();

  /** The value of an expression; {@code unknown} is an unknown root for propagation tests. */
  Value eval(String expression) {
    diagnostics.clear();
    var file = HclParser.parse("test.hcl", "v = " + expression + "\n");
    ExpressionEvaluator.Roots roots = (name, range) -> {
      if (name.equals("unknown")) {
        return Value.unknown("a test unknown");
      }
      throw new EvaluationError(range, "unknown variable \"" + name + "\"");
    };
    return new ExpressionEvaluator(roots, new Context()).evaluate(file.body().attribute("v").orElseThrow().value());
  }

  /** The error message of evaluating an expression that must fail. */
  String error(String expression) {
    try {
      Value v = eval(expression);
      String shown = v.toString();
      throw new AssertionError("expected an error for " + expression + " but got "
          + (shown.length() > 200 ? shown.substring(0, 200) + "..." : shown));
    } catch (EvaluationError e) {
      return e.getMessage();
    }
  }

  private final class Context implements FunctionContext {
    @Override
    public Path terragruntDir() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Path originalTerragruntDir() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Path fileDirectory() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Path includeDirectory(String name, SourceRange range) {
      throw new UnsupportedOperationException();
    }

    @Override
    public SnapshotView snapshot() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Map<String, String> environment() {
      return Map.of();
    }

    @Override
    public void recordRead(Path path) {}

    @Override
    public void recordProbe(Path path) {}

    @Override
    public void recordLookup(ParentFolderLookup lookup) {}

    @Override
    public void diagnostic(SourceRange range, String message) {
      diagnostics.add(range.describe() + ": " + message);
    }

    @Override
    public Value readTerragruntConfig(Path file, SourceRange range) {
      throw new UnsupportedOperationException();
    }
  }
}
