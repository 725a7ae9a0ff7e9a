package io.tglive.repo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A {@link RepoTree} over the tree of a git commit, read with JGit (no git binary). The commit's
 * tree is indexed once; blobs are read on demand. Paths are those the files would have if the
 * commit were checked out at {@link #root()}, and {@link #contentId} is the git object id, so base
 * and head snapshots share cached parses of identical files. Thread-safe.
 *
 * <p>Symbolic links behave as on a checkout: a link to a file or directory inside the tree reads as
 * its target (links in the middle of a path are followed too); a link that dangles or points outside
 * the repository does not exist. Submodules (gitlinks) are empty directories.
 */
public final class GitTree implements RepoTree {

  private static final int MAX_LINK_DEPTH = 40;

  private final Repository repository;
  private final Path root;
  private final ObjectId commit;
  /** Repository-relative path ("" for the root) of every blob, link and tree: its object id and mode. */
  private final Map<String, Entry> entries;
  /** Repository-relative directory to its child names, sorted. */
  private final Map<String, List<String>> children;
  /** False when the tree holds no symbolic link, so paths resolve with one lookup. */
  private final boolean hasLinks;
  /** The text of every symbolic link read so far. */
  private final Map<String, String> linkTargets = new ConcurrentHashMap<>();

  private record Entry(ObjectId id, FileMode mode) {}

  private GitTree(
      Repository repository, Path root, ObjectId commit, Map<String, Entry> entries, Map<String, List<String>> children) {
    this.repository = repository;
    this.root = root;
    this.commit = commit;
    this.entries = entries;
    this.children = children;
    this.hasLinks = entries.values().stream().anyMatch(e -> isType(e.mode(), FileMode.TYPE_SYMLINK));
  }

  /**
   * Indexes the tree of a commit of the repository; paths are rooted at its work tree (at its git
   * directory when the repository is bare).
   */
  public static GitTree of(Repository repository, ObjectId commitId) throws IOException {
    Path root = (repository.isBare() ? repository.getDirectory() : repository.getWorkTree())
        .toPath().toAbsolutePath().normalize();
    Map<String, Entry> entries = new HashMap<>();
    Map<String, List<String>> children = new HashMap<>();
    try (RevWalk walk = new RevWalk(repository); TreeWalk treeWalk = new TreeWalk(repository)) {
      RevCommit commit = walk.parseCommit(commitId);
      entries.put("", new Entry(commit.getTree().getId(), FileMode.TREE));
      children.put("", new ArrayList<>());
      treeWalk.addTree(commit.getTree());
      treeWalk.setRecursive(false);
      while (treeWalk.next()) {
        String path = treeWalk.getPathString();
        FileMode mode = treeWalk.getFileMode(0);
        entries.put(path, new Entry(treeWalk.getObjectId(0), mode));
        children.get(parentOf(path)).add(treeWalk.getNameString());
        if (treeWalk.isSubtree() || isType(mode, FileMode.TYPE_GITLINK)) {
          children.put(path, new ArrayList<>());
        }
        if (treeWalk.isSubtree()) {
          treeWalk.enterSubtree();
        }
      }
      children.values().forEach(Collections::sort);
      return new GitTree(repository, root, commit.getId(), entries, children);
    }
  }

  /** True when the tree holds a symbolic link, so a path may name a file stored under another path. */
  public boolean hasSymbolicLinks() {
    return hasLinks;
  }

  /** The commit this tree belongs to. */
  public ObjectId commit() {
    return commit;
  }

  @Override
  public Path root() {
    return root;
  }

  @Override
  public boolean isGitCommit() {
    return true;
  }

  @Override
  public boolean exists(Path path) {
    return resolve(path) != null;
  }

  @Override
  public boolean isDirectory(Path path) {
    String resolved = resolve(path);
    return resolved != null && children.containsKey(resolved);
  }

  @Override
  public boolean isFile(Path path) {
    String resolved = resolve(path);
    return resolved != null && !children.containsKey(resolved);
  }

  /** A directory of the tree itself: false for a symbolic link, whatever it points to. */
  @Override
  public boolean isPlainDirectory(Path path) {
    Path normalized = path.toAbsolutePath().normalize();
    if (normalized.equals(root)) {
      return true;
    }
    String parent = normalized.getParent() == null ? null : resolve(normalized.getParent());
    if (parent == null || !children.containsKey(parent)) {
      return false;
    }
    String name = normalized.getFileName().toString();
    Entry entry = entries.get(parent.isEmpty() ? name : parent + "/" + name);
    return entry != null && isType(entry.mode(), FileMode.TYPE_TREE);
  }

  @Override
  public List<Path> list(Path directory) {
    String resolved = resolve(directory);
    List<String> names = resolved == null ? null : children.get(resolved);
    if (names == null) {
      return List.of();
    }
    Path base = directory.toAbsolutePath().normalize();
    return names.stream().map(base::resolve).toList();
  }

  /** A blob of at most {@link #MAX_FILE_BYTES}. */
  @Override
  public byte[] read(Path file) throws IOException {
    Entry entry = file(file);
    ObjectLoader loader = repository.open(entry.id());
    if (loader.getSize() > MAX_FILE_BYTES) {
      throw new IOException("larger than " + (MAX_FILE_BYTES >> 20) + " MiB");
    }
    return loader.getBytes();
  }

  @Override
  public String contentId(Path file) throws IOException {
    return file(file).id().name();
  }

  /** The git tree id of a directory (equal for directories with equal contents), or null if it is not one. */
  public String treeId(Path directory) {
    String resolved = resolve(directory);
    return resolved == null || !children.containsKey(resolved) ? null : entries.get(resolved).id().name();
  }

  private Entry file(Path file) throws IOException {
    String resolved = resolve(file);
    if (resolved == null || children.containsKey(resolved)) {
      throw new NoSuchFileException(file.toString(), null, "no such file in commit " + commit.name());
    }
    return entries.get(resolved);
  }

  /** The repository-relative path of the entry a path names after following links, or null. */
  private String resolve(Path path) {
    Path normalized = path.toAbsolutePath().normalize();
    if (!normalized.startsWith(root)) {
      return null;
    }
    String relative = root.relativize(normalized).toString().replace('\\', '/');
    if (!hasLinks) {
      return entries.containsKey(relative) ? relative : null;
    }
    try {
      return resolve(relative, 0);
    } catch (IOException e) {
      return null;
    }
  }

  private String resolve(String relative, int depth) throws IOException {
    if (depth > MAX_LINK_DEPTH) {
      return null;
    }
    String current = "";
    for (String segment : relative.isEmpty() ? new String[0] : relative.split("/")) {
      String candidate = current.isEmpty() ? segment : current + "/" + segment;
      Entry entry = entries.get(candidate);
      if (entry == null) {
        return null;
      }
      if (isType(entry.mode(), FileMode.TYPE_SYMLINK)) {
        String joined = lexicallyClean(current, linkTarget(candidate, entry));
        if (joined == null) {
          return null;
        }
        candidate = resolve(joined, depth + 1);
        if (candidate == null) {
          return null;
        }
      }
      current = candidate;
    }
    return current;
  }

  private String linkTarget(String link, Entry entry) throws IOException {
    String target = linkTargets.get(link);
    if (target == null) {
      target = new String(repository.open(entry.id()).getBytes(), StandardCharsets.UTF_8);
      linkTargets.put(link, target);
    }
    return target;
  }

  private static boolean isType(FileMode mode, int type) {
    return (mode.getBits() & FileMode.TYPE_MASK) == type;
  }

  /** Joins a link target onto the link's directory; null if it leaves the repository or is absolute. */
  private static String lexicallyClean(String directory, String target) {
    if (target.startsWith("/")) {
      return null;
    }
    List<String> segments = new ArrayList<>(directory.isEmpty() ? List.of() : List.of(directory.split("/")));
    for (String segment : target.split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        if (segments.isEmpty()) {
          return null;
        }
        segments.remove(segments.size() - 1);
      } else {
        segments.add(segment);
      }
    }
    return String.join("/", segments);
  }

  private static String parentOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }
}
