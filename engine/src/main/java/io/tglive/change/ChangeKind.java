package io.tglive.change;

/** How a change touches a file; a rename is a deletion of the old path and an addition of the new one. */
public enum ChangeKind {
  ADDED,
  DELETED,
  MODIFIED
}
