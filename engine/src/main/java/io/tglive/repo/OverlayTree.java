package io.tglive.repo;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * A tree with directories generated in memory over it, the way {@code terragrunt stack generate}
 * writes them to disk: a <em>mounted</em> directory shows the contents of a source directory of the
 * tree (a unit's or stack's local source, copied by Terragrunt), a <em>virtual</em> file holds
 * given bytes (a generated {@code terragrunt.values.hcl}), and <em>virtual</em> directories hold
 * only what was generated into them ({@code .terragrunt-stack}, which replaces whatever a previous
 * generation left on disk). Everything else is the underlying tree's.
 *
 * <p>Mounts are added while a walk goes on and read by evaluation workers at the same time, so
 * the maps are concurrent; a path is resolved through at most {@value #MAX_MAPPINGS} mounts (a
 * source may itself lie in generated directories), so no arrangement of mounts loops.
 */
public final class OverlayTree implements RepoTree {

  private static final int MAX_MAPPINGS = 64;

  private final RepoTree base;
  private final Map<Path, Path> mounts = new ConcurrentHashMap<>();
  private final Map<Path, Content> files = new ConcurrentHashMap<>();
  /** Virtual directories (and mount points' parents) to the names generated directly inside them. */
  private final Map<Path, NavigableSet<String>> directories = new ConcurrentHashMap<>();
  /** Names generated into directories that are not virtual (a stack's directory, for its {@code .terragrunt-stack}). */
  private final Map<Path, NavigableSet<String>> extraNames = new ConcurrentHashMap<>();
  private volatile boolean empty = true;

  public OverlayTree(RepoTree base) {
    this.base = base;
  }

  /** The tree underneath. */
  public RepoTree base() {
    return base;
  }

  /** Makes {@code directory} (normalized) an empty virtual directory, hiding what the tree has there. */
  public void directory(Path directory) {
    empty = false;
    if (directories.putIfAbsent(directory, new ConcurrentSkipListSet<>()) == null) {
      linkToParent(directory);
    }
  }

  /** Shows the contents of {@code source} (normalized, in the tree or itself generated) at {@code mountPoint}. */
  public void mount(Path mountPoint, Path source) {
    empty = false;
    mounts.put(mountPoint, source);
    linkToParent(mountPoint);
  }

  /** Puts a file with these bytes at {@code file}. */
  public void file(Path file, byte[] bytes) {
    empty = false;
    files.put(file, new Content(bytes.clone(), DiskTree.blobId(bytes)));
    linkToParent(file);
  }

  /** True when the path is or lies in something generated: a mounted or virtual directory, or a virtual file. */
  public boolean isGenerated(Path path) {
    for (Path at = path; at != null; at = at.getParent()) {
      if (mounts.containsKey(at) || directories.containsKey(at) || files.containsKey(at)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The path in the underlying tree whose contents {@code path} (normalized) shows: itself outside
   * generated directories; null for a virtual file or directory, a path hidden by a virtual
   * directory, or when mounts nest too deeply.
   */
  public Path source(Path path) {
    Path current = path;
    for (int i = 0; i < MAX_MAPPINGS; i++) {
      if (files.containsKey(current) || directories.containsKey(current)) {
        return null;
      }
      Mapping mapping = mapOnce(current);
      if (mapping == null) {
        return current;
      }
      if (mapping.hidden()) {
        return null;
      }
      current = mapping.path();
    }
    return null;
  }

  /** A path mapped through one mount, or hidden inside a virtual directory. */
  private record Mapping(Path path, boolean hidden) {}

  /** The nearest mount or virtual directory above or at {@code path}, applied; null when there is none. */
  private Mapping mapOnce(Path path) {
    for (Path at = path; at != null; at = at.getParent()) {
      Path source = mounts.get(at);
      if (source != null) {
        return new Mapping(source.resolve(at.relativize(path)).normalize(), false);
      }
      if (directories.containsKey(at)) {
        return new Mapping(null, true);
      }
    }
    return null;
  }

  /** Lists a generated path in its parent: a virtual directory, an existing directory, or a new virtual one. */
  private void linkToParent(Path path) {
    Path child = path;
    for (Path parent = child.getParent(); parent != null; child = parent, parent = parent.getParent()) {
      String name = child.getFileName().toString();
      NavigableSet<String> names = directories.get(parent);
      if (names != null) {
        names.add(name);
        return;
      }
      if (mounts.containsKey(parent) || kind(parent) == PathKind.DIRECTORY) {
        extraNames.computeIfAbsent(parent, d -> new ConcurrentSkipListSet<>()).add(name);
        return;
      }
      NavigableSet<String> created = new ConcurrentSkipListSet<>();
      created.add(name);
      NavigableSet<String> raced = directories.putIfAbsent(parent, created);
      if (raced != null) {
        raced.add(name);
        return;
      }
    }
  }

  @Override
  public Path root() {
    return base.root();
  }

  @Override
  public boolean isGitCommit() {
    return base.isGitCommit();
  }

  @Override
  public boolean exists(Path path) {
    return kind(path) != PathKind.MISSING;
  }

  @Override
  public boolean isDirectory(Path path) {
    return kind(path) == PathKind.DIRECTORY;
  }

  @Override
  public boolean isFile(Path path) {
    return kind(path) == PathKind.FILE;
  }

  @Override
  public PathKind kind(Path path) {
    if (empty) {
      return base.kind(path);
    }
    Path normalized = path.toAbsolutePath().normalize();
    if (files.containsKey(normalized)) {
      return PathKind.FILE;
    }
    if (directories.containsKey(normalized) || mounts.containsKey(normalized)) {
      return PathKind.DIRECTORY;
    }
    Path source = source(normalized);
    return source == null ? PathKind.MISSING : base.kind(source);
  }

  @Override
  public boolean isPlainDirectory(Path path) throws IOException {
    if (empty) {
      return base.isPlainDirectory(path);
    }
    Path normalized = path.toAbsolutePath().normalize();
    if (directories.containsKey(normalized) || mounts.containsKey(normalized)) {
      return true;
    }
    if (files.containsKey(normalized)) {
      return false;
    }
    Path source = source(normalized);
    return source != null && base.isPlainDirectory(source);
  }

  @Override
  public List<Path> list(Path directory) throws IOException {
    if (empty) {
      return base.list(directory);
    }
    Path normalized = directory.toAbsolutePath().normalize();
    NavigableSet<String> generated = directories.get(normalized);
    NavigableSet<String> names = new TreeSet<>();
    if (generated != null && !mounts.containsKey(normalized)) {
      names.addAll(generated);
    } else {
      Path source = source(normalized);
      if (source != null) {
        for (Path entry : base.list(source)) {
          names.add(entry.getFileName().toString());
        }
      }
      if (generated != null) {
        names.addAll(generated);
      }
      NavigableSet<String> extra = extraNames.get(normalized);
      if (extra != null) {
        names.addAll(extra);
      }
    }
    List<Path> entries = new ArrayList<>(names.size());
    for (String name : names) {
      entries.add(normalized.resolve(name));
    }
    return entries;
  }

  @Override
  public byte[] read(Path file) throws IOException {
    return content(file).bytes();
  }

  @Override
  public String contentId(Path file) throws IOException {
    return content(file).id();
  }

  @Override
  public Content content(Path file) throws IOException {
    if (empty) {
      return base.content(file);
    }
    Path normalized = file.toAbsolutePath().normalize();
    Content virtual = files.get(normalized);
    if (virtual != null) {
      return new Content(virtual.bytes().clone(), virtual.id());
    }
    Path source = source(normalized);
    if (source == null) {
      throw new NoSuchFileException(file.toString());
    }
    return base.content(source);
  }
}
