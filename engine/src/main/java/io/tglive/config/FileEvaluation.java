package io.tglive.config;

import io.tglive.config.Value.UnknownValue;
import io.tglive.hcl.Attribute;
import io.tglive.hcl.Block;
import io.tglive.hcl.Body;
import io.tglive.hcl.Expression;
import io.tglive.hcl.HclFile;
import io.tglive.hcl.SourceRange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluation of one HCL file in one Terragrunt parsing context: a unit's {@code
 * terragrunt.hcl}, a file it includes (evaluated in the unit's context) or a {@code
 * read_terragrunt_config} target (evaluated in its own). Locals are evaluated lazily, in dependency
 * order, with cycles reported. Confined to one thread.
 */
final class FileEvaluation implements FunctionContext, ExpressionEvaluator.Roots {

  /** One {@code include} block of a configuration, with its path already evaluated. */
  static final class Include {
    final String label;
    final Path path;
    final boolean expose;
    final MergeStrategy strategy;
    final SourceRange range;
    private FileEvaluation evaluation;

    private Include(String label, Path path, boolean expose, MergeStrategy strategy, SourceRange range) {
      this.label = label;
      this.path = path;
      this.expose = expose;
      this.strategy = strategy;
      this.range = range;
    }
  }

  private final HclFile file;
  private final Path path;
  private final Path terragruntDir;
  /** The include this file is evaluated for, when it is an included file; otherwise null. */
  private final Include includedAs;
  private final EvaluationSession session;
  private final ExpressionEvaluator evaluator;
  private final FileFacts facts;
  private final Map<String, Attribute> localDefinitions;
  private final Map<String, Value> localValues = new HashMap<>();
  private final List<String> localsInProgress = new ArrayList<>();
  /** The configuration that includes this file, when it is an included file; otherwise null. */
  private FileEvaluation including;
  private List<Include> includes;
  private boolean resolvingIncludes;
  private Map<String, Value> features;
  private boolean resolvingFeatures;
  private Value configObject;
  /** A stack file's {@code unit} and {@code stack} variables, once known; null elsewhere. */
  private Map<String, Value> stackComponents;

  /**
   * @param shared whether the parsed file is a shared one (held by the file cache, evaluated by
   *     many units), whose {@link FileFacts} are then computed once
   */
  private FileEvaluation(
      HclFile file, Path path, Path terragruntDir, Include includedAs, EvaluationSession session, boolean shared) {
    this.file = file;
    this.path = path;
    this.terragruntDir = terragruntDir;
    this.includedAs = includedAs;
    this.session = session;
    this.evaluator = new ExpressionEvaluator(this, this);
    this.facts = session.snapshot.facts(path, file, shared);
    this.localDefinitions = facts.locals();
  }

  /** A unit's own {@code terragrunt.hcl}, evaluated in its own context. */
  static FileEvaluation unit(HclFile file, Path path, EvaluationSession session) {
    return new FileEvaluation(file, path, path.getParent(), null, session, false);
  }

  /** A shared file evaluated in its own context: a read target, a stack file, a values file. */
  static FileEvaluation configuration(HclFile file, Path path, EvaluationSession session) {
    return new FileEvaluation(file, path, path.getParent(), null, session, true);
  }

  HclFile file() {
    return file;
  }

  Path path() {
    return path;
  }

  Body body() {
    return file.body();
  }

  FileFacts facts() {
    return facts;
  }

  EvaluationSession session() {
    return session;
  }

  /** The value of an expression of this file. */
  Value evaluate(Expression expression) {
    return evaluator.evaluate(expression);
  }

  /** Evaluates every local, as Terragrunt always does, so broken locals are reported. */
  void evaluateAllLocals() {
    for (Attribute local : localDefinitions.values()) {
      local(local.name(), local.range());
    }
  }

  /**
   * Evaluates every attribute the graph does not need, only for the files it reads ({@link
   * ReadsPass}).
   */
  void evaluateForReads() {
    ReadsPass.run(this);
  }

  // --- locals ---------------------------------------------------------------------------------

  private Value local(String name, SourceRange range) {
    Value value = localValues.get(name);
    if (value != null) {
      return value;
    }
    Attribute definition = localDefinitions.get(name);
    if (definition == null) {
      throw new EvaluationError(range, "there is no local named \"" + name + "\" in " + path);
    }
    int cycleStart = localsInProgress.indexOf(name);
    if (cycleStart >= 0) {
      List<String> cycle = new ArrayList<>(localsInProgress.subList(cycleStart, localsInProgress.size()));
      cycle.add(name);
      throw EvaluationError.fatal(
          definition.range(), "cyclic locals: local." + String.join(" -> local.", cycle));
    }
    localsInProgress.add(name);
    try {
      value = evaluate(definition.value());
    } finally {
      localsInProgress.remove(localsInProgress.size() - 1);
    }
    localValues.put(name, value);
    return value;
  }

  private Value allLocals() {
    Map<String, Value> locals = new LinkedHashMap<>();
    for (Attribute local : localDefinitions.values()) {
      locals.put(local.name(), local(local.name(), local.range()));
    }
    return Value.object(locals);
  }

  // --- includes -------------------------------------------------------------------------------

  /** The include blocks of this configuration, paths evaluated; empty for an included file. */
  List<Include> includes() {
    if (includes != null) {
      return includes;
    }
    List<Block> blocks = file.body().blocks("include");
    if (includedAs != null || blocks.isEmpty()) {
      includes = List.of();
      return includes;
    }
    if (resolvingIncludes) {
      throw EvaluationError.fatal(
          blocks.get(0).range(), "the include blocks depend on a value that needs the includes");
    }
    resolvingIncludes = true;
    try {
      Map<String, Include> byLabel = new LinkedHashMap<>();
      for (Block block : blocks) {
        Include include = include(block);
        if (byLabel.putIfAbsent(include.label, include) != null) {
          throw new EvaluationError(
              block.range(),
              include.label.isEmpty()
                  ? "only one include block without a label is allowed"
                  : "there are two include blocks labelled \"" + include.label + "\"");
        }
      }
      includes = List.copyOf(byLabel.values());
      return includes;
    } finally {
      resolvingIncludes = false;
    }
  }

  private Include include(Block block) {
    if (block.labels().size() > 1) {
      throw new EvaluationError(block.range(), "an include block takes at most one label");
    }
    String label = block.labels().isEmpty() ? "" : block.labels().get(0);
    Attribute pathAttribute =
        block.body().attribute("path")
            .orElseThrow(() -> new EvaluationError(block.range(), "the include block has no path"));
    Value pathValue = evaluate(pathAttribute.value());
    if (pathValue instanceof UnknownValue u) {
      throw new EvaluationError(pathAttribute.value().range(), "the include path is unknown: " + u.reason());
    }
    Path target;
    try {
      target = LexicalPaths.resolve(terragruntDir, asString(pathValue, pathAttribute.value()));
    } catch (java.nio.file.InvalidPathException e) {
      throw EvaluationError.fatal(pathAttribute.value().range(), "not a valid path: " + PathText.problem(e));
    }
    boolean expose = false;
    var exposeAttribute = block.body().attribute("expose");
    if (exposeAttribute.isPresent()) {
      Value v = evaluate(exposeAttribute.get().value());
      if (v instanceof UnknownValue u) {
        throw new EvaluationError(exposeAttribute.get().value().range(), "expose is unknown: " + u.reason());
      }
      try {
        expose = v.asBool();
      } catch (EvaluationError e) {
        throw e.at(exposeAttribute.get().value().range());
      }
    }
    MergeStrategy strategy = MergeStrategy.SHALLOW;
    var strategyAttribute = block.body().attribute("merge_strategy");
    if (strategyAttribute.isPresent()) {
      Expression expression = strategyAttribute.get().value();
      Value v = evaluate(expression);
      if (v instanceof UnknownValue u) {
        throw new EvaluationError(expression.range(), "merge_strategy is unknown: " + u.reason());
      }
      strategy = MergeStrategy.named(asString(v, expression));
      if (strategy == null) {
        throw new EvaluationError(
            expression.range(),
            "merge_strategy must be \"no_merge\", \"shallow\" or \"deep\", not \"" + v.asString() + "\"");
      }
    }
    if (!session.snapshot.isFile(target)) {
      // Terragrunt fails on an include it cannot read: bad input, not an unknown.
      throw EvaluationError.fatal(pathAttribute.value().range(), "the included file " + target
          + (session.snapshot.exists(target) ? " is not a regular file" : " does not exist"));
    }
    session.reads.add(target);
    return new Include(label, target, expose, strategy, block.range());
  }

  /**
   * The only include block, when it has no label: Terragrunt then binds {@code include} to the
   * included configuration itself ({@code include.locals.x}); with several blocks a bare one is
   * {@code include[""]}. Null otherwise.
   */
  private Include singleBareInclude() {
    List<Include> own = includedAs != null ? List.of() : includes();
    return own.size() == 1 && own.get(0).label.isEmpty() ? own.get(0) : null;
  }

  private Value exposedConfiguration(Include include, SourceRange range) {
    if (!include.expose) {
      String name = include.label.isEmpty() ? "include block without a label" : "include \"" + include.label + "\"";
      throw new EvaluationError(range, "the " + name + " is not exposed; set expose = true to use its values");
    }
    return included(include).configObject();
  }

  /** The included file of {@code include}, evaluated in this configuration's context. */
  FileEvaluation included(Include include) {
    if (include.evaluation == null) {
      HclFile included = session.snapshot.parseForEvaluation(include.path);
      List<Block> nested = included.body().blocks("include");
      if (!nested.isEmpty()) {
        throw EvaluationError.fatal(
            nested.get(0).range(),
            include.path
                + " is included from "
                + include.range.describe()
                + " but has an include block itself; only one level of include is allowed");
      }
      include.evaluation = new FileEvaluation(included, include.path, terragruntDir, include, session, true);
      include.evaluation.including = this;
    }
    return include.evaluation;
  }

  /**
   * Binds a stack file's {@code unit} and {@code stack} variables ({@code unit.<name>.path}), which
   * its locals and its blocks' paths cannot see, as in Terragrunt ({@link StackFileEvaluation}).
   */
  void bindStackComponents(Value units, Value stacks) {
    stackComponents = Map.of("unit", units, "stack", stacks);
  }

  // --- feature flags ----------------------------------------------------------------------------

  /**
   * The unit's feature flags ({@link FeatureFlags#of}); an included file sees the flags of the unit
   * including it, as in Terragrunt.
   */
  private Map<String, Value> features() {
    if (including != null) {
      return including.features();
    }
    if (features != null) {
      return features;
    }
    if (resolvingFeatures) {
      throw EvaluationError.fatal(null, path + ": a feature default depends on the feature flags themselves");
    }
    resolvingFeatures = true;
    try {
      features = FeatureFlags.of(this);
      return features;
    } finally {
      resolvingFeatures = false;
    }
  }

  // --- the configuration as a value -------------------------------------------------------------

  /**
   * This configuration as an object, the way {@code read_terragrunt_config} and exposed includes
   * show it: {@code locals}, every attribute ({@code inputs}, ...) and every block, labelled blocks
   * keyed by label. Dependency outputs are unknown. Includes are merged in as Terragrunt does.
   */
  Value configObject() {
    if (configObject == null) {
      Map<String, Value> object = bodyObject(file.body(), true);
      if (!localDefinitions.isEmpty()) {
        object.put("locals", allLocals());
      }
      Value merged = Value.object(object);
      List<Include> own = includes();
      for (int i = own.size() - 1; i >= 0; i--) {
        Include include = own.get(i);
        merged = IncludeMerger.mergeObjects(included(include).configObject(), merged, include.strategy);
      }
      configObject = merged;
    }
    return configObject;
  }

  private Map<String, Value> bodyObject(Body body, boolean topLevel) {
    Map<String, Value> object = new LinkedHashMap<>();
    for (Attribute attribute : body.attributes()) {
      object.put(attribute.name(), evaluate(attribute.value()));
    }
    for (Block block : body.blocks()) {
      if (topLevel && (block.type().equals("locals") || block.type().equals("include"))) {
        continue;
      }
      Map<String, Value> content = bodyObject(block.body(), false);
      if (topLevel && block.type().equals("dependency")) {
        content.put("outputs", dependencyOutputs(block.labels().isEmpty() ? "" : block.labels().get(0)));
      }
      Value blockValue = Value.object(content);
      List<String> labels = block.labels();
      for (int i = labels.size() - 1; i >= 0; i--) {
        blockValue = Value.object(Map.of(labels.get(i), blockValue));
      }
      Value existing = object.get(block.type());
      if (!labels.isEmpty() && existing != null && existing.isKnown()) {
        blockValue = IncludeMerger.deepMerge(existing, blockValue);
      }
      object.put(block.type(), blockValue);
    }
    return object;
  }

  private static Value dependencyOutputs(String name) {
    return Value.unknown("the outputs of dependency \"" + name + "\" are not fetched while building the graph");
  }

  // --- root variables ---------------------------------------------------------------------------

  @Override
  public Value variable(String name, SourceRange range) {
    switch (name) {
      case "local":
        return allLocals();
      case "include":
        {
          Include bare = singleBareInclude();
          if (bare != null) {
            return exposedConfiguration(bare, range);
          }
          Map<String, Value> exposed = new LinkedHashMap<>();
          for (Include include : includes()) {
            if (include.expose) {
              exposed.put(include.label, included(include).configObject());
            }
          }
          return Value.object(exposed);
        }
      case "dependency":
        return Value.unknown("dependency outputs are not fetched while building the graph");
      case "values":
        return StackValues.of(session, terragruntDir);
      case "feature":
        return Value.object(features());
      case "unit", "stack":
        if (stackComponents != null) {
          return stackComponents.get(name);
        }
        throw new EvaluationError(range, "unknown variable \"" + name + "\"");
      default:
        throw new EvaluationError(range, "unknown variable \"" + name + "\"");
    }
  }

  @Override
  public Value attribute(String root, String name, SourceRange range) {
    switch (root) {
      case "local":
        return local(name, range);
      case "include":
        {
          Include bare = singleBareInclude();
          if (bare != null) {
            return ExpressionEvaluator.Roots.super.attribute(root, name, range);
          }
          for (Include include : includes()) {
            if (include.label.equals(name)) {
              return exposedConfiguration(include, range);
            }
          }
          throw new EvaluationError(range, "there is no include block labelled \"" + name + "\"");
        }
      case "dependency":
        return Value.unknown(
            "the outputs of dependency \"" + name + "\" are not fetched while building the graph");
      case "feature":
        {
          Value flag = features().get(name);
          if (flag == null) {
            throw new EvaluationError(range, "there is no feature block named \"" + name + "\"");
          }
          return flag;
        }
      default:
        return ExpressionEvaluator.Roots.super.attribute(root, name, range);
    }
  }

  // --- the function context ---------------------------------------------------------------------

  @Override
  public Path terragruntDir() {
    return terragruntDir;
  }

  @Override
  public Path fileDirectory() {
    return path.getParent();
  }

  @Override
  public Path originalTerragruntDir() {
    session.readerDependent = true;
    return session.originalDirectory;
  }

  @Override
  public Path includeDirectory(String name, SourceRange range) {
    if (includedAs != null) {
      return includedAs.path.getParent();
    }
    List<Include> own = includes();
    if (own.isEmpty()) {
      return null;
    }
    if (own.size() == 1) {
      return own.get(0).path.getParent();
    }
    if (name == null) {
      throw new EvaluationError(
          range, "there are several include blocks; name the one to use, as in get_parent_terragrunt_dir(\"root\")");
    }
    for (Include include : own) {
      if (include.label.equals(name)) {
        return include.path.getParent();
      }
    }
    throw new EvaluationError(range, "there is no include block labelled \"" + name + "\"");
  }

  @Override
  public SnapshotView snapshot() {
    return session.snapshot;
  }

  @Override
  public Map<String, String> environment() {
    return session.environment;
  }

  @Override
  public void recordRead(Path read) {
    session.reads.add(read);
  }

  @Override
  public void recordProbe(Path path) {
    session.probes.add(path);
  }

  @Override
  public void recordLookup(ParentFolderLookup lookup) {
    session.lookups.add(lookup);
  }

  @Override
  public void diagnostic(SourceRange range, String message) {
    session.diagnostics.add(new Diagnostic(location(range), message));
  }

  @Override
  public Value readTerragruntConfig(Path target, SourceRange range) {
    session.reads.add(target);
    if (target.equals(path) || session.readChain.contains(target)) {
      throw EvaluationError.fatal(range, "read_terragrunt_config reads " + target + " while evaluating it");
    }
    SnapshotCache cache = session.snapshot.cache();
    SnapshotCache.ReadResult result = cache.read(target, session.originalDirectory);
    if (result == null) {
      EvaluationSession nested = session.nested(target);
      nested.reads.add(target);
      FileEvaluation read = configuration(session.snapshot.parseForEvaluation(target), target, nested);
      Value value = read.configObject();
      result =
          new SnapshotCache.ReadResult(
              value, nested.reads, nested.probes, nested.lookups, new ArrayList<>(nested.diagnostics),
              nested.readerDependent);
      cache.storeRead(target, session.originalDirectory, result);
    }
    session.absorb(result);
    return result.value();
  }

  /** File and line of a range. */
  static Location location(SourceRange range) {
    return new Location(Path.of(range.file()), range.line());
  }

  private static String asString(Value value, Expression expression) {
    try {
      return value.asString();
    } catch (EvaluationError e) {
      throw e.at(expression.range());
    }
  }
}
