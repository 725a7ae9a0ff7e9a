package io.tglive.graph;

import io.tglive.repo.RepoTree;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * A tree of one chain of directories {@code d/d/d/...}, {@code depth} deep, with a unit at its
 * bottom: deeper than any thread's stack would allow a recursive walk, and than any real file system.
 */
final class DeepTree implements RepoTree {

  private final Path root;
  private final int depth;

  DeepTree(Path root, int depth) {
    this.root = root;
    this.depth = depth;
  }

  /** How deep the path is, or -1 when it is not one of the chain's directories (in constant time). */
  private int level(Path path) {
    if (path.equals(root)) {
      return 0;
    }
    if (path.getFileName() == null || !path.getFileName().toString().equals("d")) {
      return -1;
    }
    return path.getNameCount() - root.getNameCount();
  }

  @Override
  public Path root() {
    return root;
  }

  @Override
  public boolean exists(Path path) {
    return isDirectory(path) || isFile(path);
  }

  @Override
  public boolean isDirectory(Path path) {
    int level = level(path);
    return level >= 0 && level <= depth;
  }

  @Override
  public boolean isFile(Path path) {
    return path.getFileName() != null && path.getFileName().toString().equals("terragrunt.hcl")
        && level(path.getParent()) == depth;
  }

  @Override
  public List<Path> list(Path directory) {
    int level = level(directory);
    if (level < 0 || level > depth) {
      return List.of();
    }
    return level == depth ? List.of(directory.resolve("terragrunt.hcl")) : List.of(directory.resolve("d"));
  }

  @Override
  public byte[] read(Path file) throws IOException {
    if (!isFile(file)) {
      throw new NoSuchFileException(file.toString());
    }
    return new byte[0];
  }

  @Override
  public String contentId(Path file) throws IOException {
    return "empty";
  }
}
