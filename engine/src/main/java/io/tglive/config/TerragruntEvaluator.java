package io.tglive.config;

import io.tglive.config.Value.BoolValue;
import io.tglive.config.Value.UnknownValue;
import io.tglive.hcl.Attribute;
import io.tglive.hcl.Expression;
import io.tglive.hcl.HclFile;
import io.tglive.hcl.SourceRange;
import io.tglive.repo.DirectoryListings;
import io.tglive.repo.RepoTree;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates a unit's {@code terragrunt.hcl} the way Terragrunt's partial parse does for the graph,
 * with an explicit unknown value that propagates and is never guessed. Thread-safe: one evaluator
 * may serve many threads.
 *
 * <p>Error policy: a syntax error in the unit's file, cyclic locals or an I/O failure is a {@link
 * ConfigException} naming {@code file:line:column}. Any other problem (a function failing, an
 * unknown variable, a missing include or one whose path cannot be evaluated) makes that unit
 * incomplete, not the repository: its configuration has a single {@link UnresolvedEdge} whose
 * reason starts with {@link #UNEVALUABLE} and names {@code file:line:column}. When a {@code
 * config_path} or a {@code dependencies.paths} entry cannot be evaluated (unknown, or failing),
 * that edge alone becomes an {@link UnresolvedEdge} with the reason, where Terragrunt silently
 * drops it. Unsupported functions yield unknown values plus a {@link Diagnostic}; attributes the
 * graph does not need ({@code inputs}, ...) are evaluated only for the files they read, and their
 * failures are diagnostics.
 */
public final class TerragruntEvaluator {

  private static final String CONFIG_FILE = "terragrunt.hcl";

  /** How the reason of the unresolved edge of a unit that cannot be evaluated starts. */
  public static final String UNEVALUABLE = "the configuration cannot be evaluated, so its dependencies are unknown: ";

  private final SnapshotView snapshot;
  private final Map<String, String> environment;

  /**
   * @param tree the repository snapshot to read
   * @param environment what {@code get_env} sees
   * @param cache parsed files, shared with other evaluators
   */
  public TerragruntEvaluator(RepoTree tree, Map<String, String> environment, HclFileCache cache) {
    this(tree, environment, cache, new DirectoryListings());
  }

  /**
   * Like {@link #TerragruntEvaluator(RepoTree, Map, HclFileCache)}; probes for names missing from
   * directories that a walk of the same tree has listed are answered from {@code listings}.
   */
  public TerragruntEvaluator(
      RepoTree tree, Map<String, String> environment, HclFileCache cache, DirectoryListings listings) {
    this.environment = Map.copyOf(environment);
    this.snapshot = new SnapshotView(tree, cache, cache.snapshot(tree, this.environment), listings);
  }

  /** Evaluates the unit in this directory (which holds a {@code terragrunt.hcl}). */
  public UnitConfig evaluate(Path unitDirectory) throws ConfigException {
    Path directory = unitDirectory.toAbsolutePath().normalize();
    Path file = directory.resolve(CONFIG_FILE);
    try {
      // Read without probing first: a walk found the file, and a probe costs a system call or two.
      return evaluate(directory, snapshot.parseUnitFile(file));
    } catch (EvaluationError e) {
      throw new ConfigException(e.getMessage());
    } catch (NoSuchFileException e) {
      throw new ConfigException(file + ": no such file");
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot be read: " + e.getMessage(), e);
    } catch (StackOverflowError e) {
      throw new ConfigException(file + ": the configuration is nested too deeply to evaluate");
    } catch (RuntimeException e) {
      // A defect in the evaluator, not in the configuration; still never a stack trace for users.
      throw new ConfigException(file + ": internal error while evaluating: " + e, e);
    }
  }

  /**
   * The {@code unit} and {@code stack} blocks of a {@code terragrunt.stack.hcl}, evaluated; a syntax
   * or evaluation error of the file itself is a {@link ConfigException}.
   */
  public List<StackComponent> evaluateStack(Path stackFile) throws ConfigException {
    return StackFileEvaluation.evaluate(snapshot, environment, stackFile.toAbsolutePath().normalize());
  }

  private UnitConfig evaluate(Path directory, HclFile hcl) {
    Path file = directory.resolve(CONFIG_FILE);
    EvaluationSession session = new EvaluationSession(snapshot, environment, directory);
    session.reads.add(file);
    Set<Path> included = new LinkedHashSet<>();
    try {
      FileEvaluation unit = FileEvaluation.unit(hcl, file, session);
      List<FileEvaluation.Include> includes = unit.includes();
      includes.forEach(include -> included.add(include.path));
      unit.evaluateAllLocals();
      GraphSpec spec = GraphSpec.of(unit);
      for (int i = includes.size() - 1; i >= 0; i--) {
        FileEvaluation.Include include = includes.get(i);
        FileEvaluation parent = unit.included(include);
        parent.evaluateAllLocals();
        spec = IncludeMerger.merge(GraphSpec.of(parent), spec, include.strategy);
      }

      Map<Path, DependencyEdge> edges = new LinkedHashMap<>();
      List<UnresolvedEdge> unresolved = new ArrayList<>();
      for (GraphSpec.DependencySpec dependency : spec.dependencies().values()) {
        dependencyEdge(directory, dependency, edges, unresolved);
      }
      for (GraphSpec.Sourced paths : spec.dependencyPaths()) {
        pathsEdges(directory, paths, edges, unresolved);
      }
      Optional<ExcludeSpec> exclude = Optional.ofNullable(spec.exclude()).map(TerragruntEvaluator::exclude);
      Optional<String> source = terraformSource(directory, spec.terraformSource());
      unit.evaluateForReads();
      for (FileEvaluation.Include include : includes) {
        unit.included(include).evaluateForReads();
      }
      return new UnitConfig(
          directory,
          new ArrayList<>(edges.values()),
          unresolved,
          exclude,
          source,
          included,
          session.reads,
          new ArrayList<>(session.diagnostics),
          session.probes,
          session.lookups);
    } catch (EvaluationError e) {
      if (!e.recoverable()) {
        throw e;
      }
      return failed(directory, file, session, included, e);
    }
  }

  /**
   * A unit whose configuration cannot be evaluated (a function fails, an include cannot be found):
   * it stays in the graph with one unresolved edge carrying the error, so the unit, not the whole
   * repository, is incomplete; what it read before the failure stays recorded.
   */
  private static UnitConfig failed(
      Path directory, Path file, EvaluationSession session, Set<Path> included, EvaluationError e) {
    Location where = e.range() != null ? FileEvaluation.location(e.range()) : new Location(file, 1);
    UnresolvedEdge failure = new UnresolvedEdge(where, "", UNEVALUABLE + e.getMessage());
    return new UnitConfig(
        directory,
        List.of(),
        List.of(failure),
        Optional.empty(),
        Optional.empty(),
        included,
        session.reads,
        new ArrayList<>(session.diagnostics),
        session.probes,
        session.lookups);
  }

  // --- edges --------------------------------------------------------------------------------------

  private static void dependencyEdge(
      Path directory,
      GraphSpec.DependencySpec dependency,
      Map<Path, DependencyEdge> edges,
      List<UnresolvedEdge> unresolved) {
    GraphSpec.Sourced configPath = dependency.attributes().get("config_path");
    if (configPath == null) {
      throw new EvaluationError(
          dependency.range(), "the dependency \"" + dependency.name() + "\" has no config_path");
    }
    Expression expression = configPath.attribute().value();
    GraphSpec.Sourced enabled = dependency.attributes().get("enabled");
    if (enabled != null) {
      Outcome on = Outcome.of(enabled.owner(), enabled.attribute().value());
      if (on.value instanceof BoolValue b && !b.value()) {
        return;
      }
      String problem =
          on.error != null
              ? "enabled cannot be evaluated: " + on.error
              : on.value instanceof UnknownValue u
                  ? "enabled is unknown: " + u.reason()
                  : on.value instanceof BoolValue ? null : "enabled is a " + on.value.typeName() + ", not a bool";
      if (problem != null) {
        unresolved.add(unresolvedEdge(configPath.owner(), expression, problem));
        return;
      }
    }
    Outcome path = Outcome.of(configPath.owner(), expression);
    addEdge(
        directory,
        path,
        configPath.owner(),
        expression,
        DependencyEdge.Origin.DEPENDENCY_BLOCK,
        dependency.name(),
        edges,
        unresolved);
  }

  private static void pathsEdges(
      Path directory, GraphSpec.Sourced paths, Map<Path, DependencyEdge> edges, List<UnresolvedEdge> unresolved) {
    FileEvaluation owner = paths.owner();
    Expression expression = paths.attribute().value();
    if (expression instanceof Expression.TupleCons tuple) {
      // Element by element, so one unknown entry does not hide the others.
      for (Expression item : tuple.items()) {
        addEdge(
            directory,
            Outcome.of(owner, item),
            owner,
            item,
            DependencyEdge.Origin.DEPENDENCIES_PATHS,
            null,
            edges,
            unresolved);
      }
      return;
    }
    Outcome list = Outcome.of(owner, expression);
    if (list.error != null || !list.value.isKnown()) {
      unresolved.add(unresolvedEdge(owner, expression, list.problem()));
      return;
    }
    List<Value> elements;
    try {
      elements = list.value.asElements();
    } catch (EvaluationError e) {
      unresolved.add(unresolvedEdge(owner, expression, "dependencies.paths: " + e.detail()));
      return;
    }
    for (Value element : elements) {
      addEdge(
          directory,
          new Outcome(element, null),
          owner,
          expression,
          DependencyEdge.Origin.DEPENDENCIES_PATHS,
          null,
          edges,
          unresolved);
    }
  }

  private static void addEdge(
      Path directory,
      Outcome path,
      FileEvaluation owner,
      Expression expression,
      DependencyEdge.Origin origin,
      String name,
      Map<Path, DependencyEdge> edges,
      List<UnresolvedEdge> unresolved) {
    if (path.error != null || !(path.value instanceof Value.StringValue s)) {
      unresolved.add(unresolvedEdge(owner, expression, path.problem()));
      return;
    }
    Path target;
    try {
      target = LexicalPaths.resolve(directory, s.value());
    } catch (java.nio.file.InvalidPathException e) {
      throw EvaluationError.fatal(expression.range(), "not a valid path: " + PathText.problem(e));
    }
    edges.putIfAbsent(
        target, new DependencyEdge(target, origin, name, FileEvaluation.location(expression.range())));
  }

  private static UnresolvedEdge unresolvedEdge(FileEvaluation owner, Expression expression, String reason) {
    SourceRange range = expression.range();
    return new UnresolvedEdge(FileEvaluation.location(range), owner.file().text(range), reason);
  }

  /** The value of an edge expression, or why it failed; failures do not abort the unit. */
  private static final class Outcome {
    final Value value;
    final String error;

    Outcome(Value value, String error) {
      this.value = value;
      this.error = error;
    }

    static Outcome of(FileEvaluation owner, Expression expression) {
      try {
        return new Outcome(owner.evaluate(expression), null);
      } catch (EvaluationError e) {
        if (!e.recoverable()) {
          throw e;
        }
        return new Outcome(null, e.getMessage());
      }
    }

    /** Why this outcome is not a usable path. */
    String problem() {
      if (error != null) {
        return "the path cannot be evaluated: " + error;
      }
      if (value instanceof UnknownValue u) {
        return "the path is unknown: it depends on " + u.reason();
      }
      return "the path is a " + value.typeName() + ", not a string";
    }
  }

  // --- exclude and terraform.source -----------------------------------------------------------------

  private static ExcludeSpec exclude(Map<String, GraphSpec.Sourced> attributes) {
    GraphSpec.Sourced when = attributes.get("if");
    Value condition = when.owner().evaluate(when.attribute().value());
    List<String> actions = new ArrayList<>();
    GraphSpec.Sourced actionsAttribute = attributes.get("actions");
    if (actionsAttribute != null) {
      Value v = actionsAttribute.owner().evaluate(actionsAttribute.attribute().value());
      UnknownValue unknown = v.unknownWithin();
      if (unknown != null) {
        // Which commands are excluded is unknown, so whether the unit is excluded is unknown.
        condition = unknown;
      } else {
        try {
          for (Value action : v.asElements()) {
            actions.add(action.asString());
          }
        } catch (EvaluationError e) {
          throw e.at(actionsAttribute.attribute().value().range());
        }
      }
    }
    Optional<Boolean> known =
        condition.isKnown() ? Optional.of(asBool(condition, when.attribute())) : Optional.empty();
    return new ExcludeSpec(
        known, actions, flag(attributes.get("exclude_dependencies")), flag(attributes.get("no_run")));
  }

  private static boolean flag(GraphSpec.Sourced attribute) {
    if (attribute == null) {
      return false;
    }
    Value v = attribute.owner().evaluate(attribute.attribute().value());
    if (!v.isKnown()) {
      attribute
          .owner()
          .diagnostic(
              attribute.attribute().range(),
              "exclude." + attribute.attribute().name() + " is unknown; treating it as false");
      return false;
    }
    return asBool(v, attribute.attribute());
  }

  private static boolean asBool(Value v, Attribute attribute) {
    try {
      return v.asBool();
    } catch (EvaluationError e) {
      throw e.at(attribute.value().range());
    }
  }

  private static Optional<String> terraformSource(Path directory, GraphSpec.Sourced source) {
    if (source == null) {
      return Optional.empty();
    }
    Value v = source.owner().evaluate(source.attribute().value());
    if (v instanceof UnknownValue u) {
      source
          .owner()
          .diagnostic(source.attribute().range(), "terraform.source is unknown: it depends on " + u.reason());
      return Optional.empty();
    }
    String text;
    try {
      text = v.asString();
    } catch (EvaluationError e) {
      throw e.at(source.attribute().value().range());
    }
    TerraformSource.localDirectory(text, directory).ifPresent(source.owner()::recordRead);
    return Optional.of(text);
  }
}
