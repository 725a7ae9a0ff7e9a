package io.tglive.stack;

/** What the stack does with a unit. */
public enum StackAction {
  /** Apply a unit of the head tree. */
  APPLY("apply"),
  /** Destroy a unit that exists only in the base tree, from the base tree. */
  DESTROY("destroy");

  private final String label;

  StackAction(String label) {
    this.label = label;
  }

  /** The name used in output. */
  public String label() {
    return label;
  }
}
