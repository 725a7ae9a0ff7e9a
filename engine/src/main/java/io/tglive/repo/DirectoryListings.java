package io.tglive.repo;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The entry names of the directories a walk of a tree has listed, so that a probe for a path in a
 * listed directory whose name is not there is answered without asking the file system again. A
 * repository walk lists every directory, and {@code find_in_parent_folders} then looks for {@code
 * root.hcl}, {@code env.hcl} and the like in each unit's parent directory and above, where they
 * mostly are not: on disk each such probe is a system call.
 *
 * <p>Only absence is answered, and only for a name in ASCII that no entry's name equals ignoring
 * case (on a case-insensitive file system {@code Root.hcl} is found as {@code root.hcl}, and one
 * that normalizes Unicode may find a name spelled with other code points); anything else, including
 * a directory the walk has not reached yet, is left to the tree. Thread-safe: one thread may record
 * while others ask.
 */
public final class DirectoryListings {

  private final ConcurrentHashMap<Path, String[]> names = new ConcurrentHashMap<>();

  /**
   * Remembers what a directory held when it was listed.
   *
   * @param entryNames the names of all its entries; not to be changed afterwards
   */
  public void record(Path directory, String[] entryNames) {
    names.put(directory, entryNames);
  }

  /**
   * True when {@code path}'s parent was listed and held no entry of that name (ignoring case);
   * false when the parent was not listed or the name might be there.
   */
  public boolean surelyAbsent(Path path) {
    Path parent = path.getParent();
    Path name = path.getFileName();
    if (parent == null || name == null) {
      return false;
    }
    String[] entries = names.get(parent);
    if (entries == null) {
      return false;
    }
    String sought = name.toString();
    if (sought.equals(".") || sought.equals("..") || !isAscii(sought)) {
      return false;
    }
    for (String entry : entries) {
      if (entry.equalsIgnoreCase(sought)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAscii(String name) {
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) > 127) {
        return false;
      }
    }
    return true;
  }
}
