package io.tglive.config;

import io.tglive.repo.DirectoryListings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A repository of real files in a temporary directory, evaluated through {@link io.tglive.repo.DiskTree}. */
final class ConfigFixture {

  final Path root;
  final Map<String, String> environment = new HashMap<>();
  final HclFileCache cache = new HclFileCache();

  ConfigFixture(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** Writes a file (parents created) and returns this fixture. */
  ConfigFixture file(String relativePath, String content) {
    Path file = root.resolve(relativePath);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Writes {@code <unit>/terragrunt.hcl}. */
  ConfigFixture unit(String unitDirectory, String content) {
    return file(unitDirectory + "/terragrunt.hcl", content);
  }

  ConfigFixture directory(String relativePath) {
    try {
      Files.createDirectories(root.resolve(relativePath));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  Path path(String relativePath) {
    return root.resolve(relativePath).normalize();
  }

  TerragruntEvaluator evaluator() {
    return new TerragruntEvaluator(new io.tglive.repo.DiskTree(root), environment, cache);
  }

  UnitConfig evaluate(String unitDirectory) throws ConfigException {
    return evaluator().evaluate(path(unitDirectory));
  }

  private int probes;

  /** The value of an HCL expression, evaluated as a local of a fresh unit under {@code probe/}. */
  Value eval(String expression) throws Exception {
    String unit = "probe/p" + (++probes);
    unit(unit, "locals {\n  v = " + expression + "\n}\n");
    return local(unit, "v");
  }

  /**
   * The error that evaluating a fresh unit with this content reports: the message of the
   * ConfigException it raises, or the reason of the unresolved edge that marks the unit as not
   * evaluable.
   */
  String error(String content) {
    String unit = "broken/b" + (++probes);
    unit(unit, content);
    UnitConfig config;
    try {
      config = evaluate(unit);
    } catch (ConfigException e) {
      return e.getMessage();
    }
    for (UnresolvedEdge edge : config.unresolved()) {
      if (edge.reason().startsWith(TerragruntEvaluator.UNEVALUABLE)) {
        return edge.reason();
      }
    }
    throw new AssertionError("expected an error for\n" + content);
  }

  static Value str(String s) {
    return Value.string(s);
  }

  static Value num(long n) {
    return Value.number(n);
  }

  static Value list(Value... elements) {
    return Value.list(java.util.List.of(elements));
  }

  /** The value of {@code local.<name>} of a unit, evaluated in the unit's context. */
  Value local(String unitDirectory, String name) throws Exception {
    return evaluation(unitDirectory).attribute("local", name, null);
  }

  /** The configuration object of a unit, as {@code read_terragrunt_config} would return it. */
  Value configObject(String unitDirectory) throws Exception {
    return evaluation(unitDirectory).configObject();
  }

  /** A fresh evaluation of a unit's file, for inspecting values. */
  FileEvaluation evaluation(String unitDirectory) throws Exception {
    io.tglive.repo.DiskTree tree = new io.tglive.repo.DiskTree(root);
    SnapshotView snapshot = new SnapshotView(tree, cache, cache.snapshot(tree, Map.copyOf(environment)), new DirectoryListings());
    Path file = path(unitDirectory).resolve("terragrunt.hcl");
    EvaluationSession session = new EvaluationSession(snapshot, Map.copyOf(environment), path(unitDirectory));
    return FileEvaluation.configuration(snapshot.parse(file), file, session);
  }
}
