package io.tglive.change;

/** Which changes between two commits count. */
public enum DiffMode {
  /** The changes the head introduced since it diverged: {@code merge-base(base, head)..head}, as a pull request shows. */
  MERGE_BASE("merge-base"),
  /**
   * The plain difference of the two trees (Terragrunt's semantics): changes made on the base after
   * the head branched show up too, reversed.
   */
  TREE("tree");

  private final String label;

  DiffMode(String label) {
    this.label = label;
  }

  /** The name used on the command line and in output. */
  public String label() {
    return label;
  }

  /** The mode with this label. */
  public static DiffMode fromLabel(String label) {
    for (DiffMode mode : values()) {
      if (mode.label.equals(label)) {
        return mode;
      }
    }
    throw new IllegalArgumentException("unknown diff mode '" + label + "' (expected merge-base or tree)");
  }
}
