package io.tglive.rollback;

/** What one rollback step does to a unit. */
public enum RollbackAction {
  /** A unit the change added: destroyed with its head configuration. */
  DESTROY_ADDED("destroy (added by the change)", true),
  /**
   * Resources of providers new in the change, destroyed by target with the head configuration
   * before the base configuration is applied again (the base cannot plan them once their provider
   * block is gone).
   */
  DESTROY_NEW_PROVIDERS("destroy resources of new providers", true),
  /** A unit the change modified: its base version planned and applied again. */
  REAPPLY_BASE("apply base", false),
  /** A unit the change deleted and the run destroyed: applied again from base. */
  RESTORE_DELETED("re-create from base", false);

  private final String label;
  private final boolean destroy;

  RollbackAction(String label, boolean destroy) {
    this.label = label;
    this.destroy = destroy;
  }

  /** What the step does, in words. */
  public String label() {
    return label;
  }

  /** Whether the step plans with {@code -destroy} in the head tree (else: a plan of the base tree). */
  public boolean destroy() {
    return destroy;
  }
}
