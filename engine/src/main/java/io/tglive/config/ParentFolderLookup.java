package io.tglive.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code find_in_parent_folders} lookup an evaluation made: the directory it started from (the
 * search begins at its parent) and the name it sought. Its result can only change when one of
 * {@link #candidates} appears or disappears.
 *
 * @param start absolute, normalized directory the lookup started from
 * @param name the name sought, possibly with {@code /} or {@code ..} segments
 * @param maxFolders how many ancestors the lookup checks at most
 */
public record ParentFolderLookup(Path start, String name, int maxFolders) {

  /** Every path the lookup may probe, nearest first. */
  public List<Path> candidates() {
    List<Path> candidates = new ArrayList<>();
    Path directory = start.getParent();
    for (int i = 0; i < maxFolders && directory != null; i++, directory = directory.getParent()) {
      candidates.add(directory.resolve(name).normalize());
    }
    return candidates;
  }

  /** True if the lookup may probe {@code path} (absolute, normalized). */
  public boolean mayProbe(Path path) {
    if (name.indexOf('/') < 0 && name.indexOf('\\') < 0 && !name.equals("..") && !name.equals(".")) {
      Path parent = path.getParent();
      Path fileName = path.getFileName();
      return parent != null && fileName != null && fileName.toString().equals(name)
          && start.startsWith(parent) && !start.equals(parent)
          && start.getNameCount() - parent.getNameCount() <= maxFolders;
    }
    return candidates().contains(path);
  }
}
