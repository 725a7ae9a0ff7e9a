package io.tglive.config;

import io.tglive.repo.RepoTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An in-memory snapshot, for measuring evaluation without disk I/O. */
final class MemoryTree implements RepoTree {

  private final Path root;
  private final Map<Path, byte[]> files = new HashMap<>();
  private final Set<Path> directories = new HashSet<>();

  MemoryTree(Path root) {
    this.root = root;
    directories.add(root);
  }

  void file(String relativePath, String content) {
    Path file = root.resolve(relativePath).normalize();
    files.put(file, content.getBytes(StandardCharsets.UTF_8));
    for (Path dir = file.getParent(); dir != null && dir.startsWith(root); dir = dir.getParent()) {
      directories.add(dir);
    }
  }

  /** Another snapshot with the same content (a distinct tree, so nothing evaluated is shared). */
  MemoryTree copy() {
    MemoryTree copy = new MemoryTree(root);
    copy.files.putAll(files);
    copy.directories.addAll(directories);
    return copy;
  }

  @Override
  public Path root() {
    return root;
  }

  @Override
  public boolean exists(Path path) {
    return files.containsKey(path) || directories.contains(path);
  }

  @Override
  public boolean isDirectory(Path path) {
    return directories.contains(path);
  }

  @Override
  public boolean isFile(Path path) {
    return files.containsKey(path);
  }

  @Override
  public List<Path> list(Path directory) {
    return files.keySet().stream().filter(p -> directory.equals(p.getParent())).sorted().toList();
  }

  @Override
  public byte[] read(Path file) throws IOException {
    byte[] content = files.get(file);
    if (content == null) {
      throw new NoSuchFileException(file.toString());
    }
    return content;
  }

  @Override
  public String contentId(Path file) throws IOException {
    return Integer.toHexString(java.util.Arrays.hashCode(read(file))) + ":" + read(file).length;
  }
}
