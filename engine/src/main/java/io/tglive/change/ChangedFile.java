package io.tglive.change;

import io.tglive.repo.RepoTree;

/**
 * A file a change touches.
 *
 * @param path repository-relative, {@code /} separated
 * @param kind added (mapped against head), deleted (mapped against base) or modified (against both)
 */
public record ChangedFile(String path, ChangeKind kind) {

  /**
   * A file named by a caller, classified by where it exists: only at head is added, only at base
   * is deleted, anywhere else (both or neither) is modified and mapped against both trees.
   */
  public static ChangedFile classify(String path, RepoTree base, RepoTree head) {
    boolean atBase = base.exists(base.root().resolve(path));
    boolean atHead = head.exists(head.root().resolve(path));
    ChangeKind kind = atHead && !atBase ? ChangeKind.ADDED : atBase && !atHead ? ChangeKind.DELETED : ChangeKind.MODIFIED;
    return new ChangedFile(path, kind);
  }
}
