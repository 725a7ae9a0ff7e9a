package io.tglive.graph;

import io.tglive.config.ConfigException;
import io.tglive.config.StackComponent;
import io.tglive.config.ValuesFile;
import io.tglive.repo.OverlayTree;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Generates the components of {@code terragrunt.stack.hcl} files in memory, where {@code terragrunt
 * stack generate} would write them ({@code pkg/config/stack.go}): each {@code unit} and {@code
 * stack} block with a local source shows that source directory at {@code
 * <stack dir>/.terragrunt-stack/<path>} (or {@code <stack dir>/<path>} with {@code
 * no_dot_terragrunt_stack}), with its {@code values} written to a {@code terragrunt.values.hcl}
 * there; a generated stack is generated in turn when the walk reaches it. A source that is not a
 * local directory (a git or registry URL) or a block whose source or path cannot be evaluated
 * offline cannot be generated: it is recorded as unresolved, so the graph is incomplete, never
 * silently smaller.
 */
final class StackGeneration {

  /** Stack files nested deeper than this are taken for a cycle between stack files. */
  static final int MAX_LEVELS = 32;

  static final String STACK_DIRECTORY = ".terragrunt-stack";

  /** Evaluates a stack file's components. */
  @FunctionalInterface
  interface StackEvaluator {
    List<StackComponent> evaluate(Path stackFile) throws ConfigException;
  }

  private final OverlayTree overlay;
  private final StackEvaluator evaluator;
  /** Each generated component directory and the stack file that generated it. */
  private final Map<Path, Path> generatedBy = new ConcurrentHashMap<>();
  /** Each generated component directory declared in a file the stack file includes, and that file. */
  private final Map<Path, Path> declaredIn = new ConcurrentHashMap<>();
  /** Each generated component directory and its nesting level (1 for a stack file in the repository). */
  private final Map<Path, Integer> levels = new ConcurrentHashMap<>();
  private final List<UnresolvedComponent> unresolved = new ArrayList<>();

  StackGeneration(OverlayTree overlay, StackEvaluator evaluator) {
    this.overlay = overlay;
    this.evaluator = evaluator;
  }

  /** Components that could not be generated, in walk order. */
  List<UnresolvedComponent> unresolved() {
    return List.copyOf(unresolved);
  }

  /** True when some stack file was generated. */
  boolean generatedAny() {
    return !generatedBy.isEmpty() || !unresolved.isEmpty();
  }

  /** Generates the components of one stack file into the overlay. Called by the walk, on one thread. */
  void generate(Path stackFile) throws ConfigException {
    Path directory = stackFile.getParent();
    int level = levelOf(directory);
    if (level >= MAX_LEVELS) {
      throw new ConfigException(stackFile + ": stacks nested more than " + MAX_LEVELS
          + " levels deep; is a stack generating itself?");
    }
    List<StackComponent> components = evaluator.evaluate(stackFile);
    Path target = directory.resolve(STACK_DIRECTORY);
    overlay.directory(target);
    for (StackComponent component : components) {
      String name = component.kind() + " \"" + component.name() + "\"";
      String what = component.location() + ": " + name + ": ";
      if (component.problem().isPresent()) {
        unresolved.add(new UnresolvedComponent(component.location(), name,
            component.problem().get() + "; its units cannot be generated offline"));
        continue;
      }
      String path = component.path().orElseThrow();
      Path base = component.noDotTerragruntStack() ? directory : target;
      Path destination;
      try {
        if (Path.of(path).isAbsolute()) {
          throw new ConfigException(what + "path " + path + " must be relative");
        }
        destination = base.resolve(path).normalize();
      } catch (InvalidPathException e) {
        throw new ConfigException(what + "path is not a valid path: " + e.getReason());
      }
      if (!destination.startsWith(base) || destination.equals(base)) {
        throw new ConfigException(what + "destination " + destination + " is outside of the stack directory " + base);
      }
      Path source = localSource(directory, component.source().orElseThrow());
      if (source == null) {
        unresolved.add(new UnresolvedComponent(component.location(), name, "source " + component.source().get()
            + " is not a local directory; its units cannot be generated offline"));
        continue;
      }
      overlay.mount(destination, source);
      generatedBy.put(destination, stackFile);
      if (!component.location().file().equals(stackFile)) {
        declaredIn.put(destination, component.location().file());
      }
      levels.put(destination, level + 1);
      component.values().flatMap(ValuesFile::render)
          .ifPresent(bytes -> overlay.file(destination.resolve("terragrunt.values.hcl"), bytes));
      String expected = component.kind().equals("unit") ? RepoScan.UNIT_FILE : RepoScan.STACK_FILE;
      if (!overlay.isFile(destination.resolve(expected))) {
        throw new ConfigException(what + "the source " + source + " has no " + expected);
      }
    }
  }

  /**
   * The directory a source names when it is local, as Terragrunt's {@code isLocal} decides (an
   * existing path, relative to the stack directory or absolute, or a {@code file://} URL); null
   * for anything else.
   */
  private Path localSource(Path directory, String source) {
    String path = source.startsWith("file://") ? source.substring("file://".length()) : source;
    if (path.isEmpty() || path.contains("::") || path.contains("://") || path.contains("?")) {
      return null;
    }
    try {
      Path resolved = directory.resolve(path).normalize();
      return overlay.isDirectory(resolved) ? resolved : null;
    } catch (InvalidPathException e) {
      return null;
    }
  }

  /** The nesting level of a directory: that of the generated directory it lies in, 0 outside any. */
  private int levelOf(Path directory) {
    for (Path at = directory; at != null; at = at.getParent()) {
      Integer level = levels.get(at);
      if (level != null) {
        return level;
      }
    }
    return 0;
  }

  /**
   * What a generated unit's configuration also depends on: the source directory it is a copy of
   * (everything in it is copied), the files its generated reads show, and every stack file that
   * generated a directory it lies in (with the file it includes that declares the block), so a
   * change to any of them selects the unit.
   */
  Set<Path> origins(Path unitDirectory, Set<Path> reads) {
    if (generatedBy.isEmpty()) {
      return Set.of();
    }
    Set<Path> origins = new LinkedHashSet<>();
    for (Path at = unitDirectory; at != null; at = at.getParent()) {
      Path stackFile = generatedBy.get(at);
      if (stackFile != null) {
        origins.add(stackFile);
        Path source = overlay.source(stackFile);
        if (source != null) {
          origins.add(source);
        }
        Path include = declaredIn.get(at);
        if (include != null) {
          Path includeSource = overlay.source(include);
          origins.add(includeSource != null ? includeSource : include);
        }
      }
    }
    if (origins.isEmpty()) {
      return Set.of();
    }
    Path copied = overlay.source(unitDirectory);
    if (copied != null && !copied.equals(unitDirectory)) {
      origins.add(copied);
    }
    for (Path read : reads) {
      Path source = overlay.source(read);
      if (source != null && !source.equals(read)) {
        origins.add(source);
      }
    }
    return origins;
  }
}
