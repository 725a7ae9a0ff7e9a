package io.tglive.graph;

import io.tglive.repo.RepoTree;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A {@link RepoTree} that passes everything to another one, remembering which paths were probed
 * ({@code exists}, {@code isFile}, {@code isDirectory}) and calling a hook before each listing.
 */
final class RecordingTree implements RepoTree {

  private final RepoTree tree;
  private final Consumer<Path> beforeListing;
  final Set<Path> probed = ConcurrentHashMap.newKeySet();

  RecordingTree(RepoTree tree, Consumer<Path> beforeListing) {
    this.tree = tree;
    this.beforeListing = beforeListing;
  }

  @Override
  public Path root() {
    return tree.root();
  }

  @Override
  public boolean exists(Path path) {
    probed.add(path);
    return tree.exists(path);
  }

  @Override
  public boolean isDirectory(Path path) {
    probed.add(path);
    return tree.isDirectory(path);
  }

  @Override
  public boolean isFile(Path path) {
    probed.add(path);
    return tree.isFile(path);
  }

  @Override
  public List<Path> list(Path directory) throws IOException {
    beforeListing.accept(directory);
    return tree.list(directory);
  }

  @Override
  public byte[] read(Path file) throws IOException {
    return tree.read(file);
  }

  @Override
  public String contentId(Path file) throws IOException {
    return tree.contentId(file);
  }

  @Override
  public Content content(Path file) throws IOException {
    return tree.content(file);
  }
}
