package io.tglive.stack;

/**
 * The stack of a CI build and how it was chosen.
 *
 * @param revisions which base and head were compared and why, one line for build logs
 * @param accounts where the accounts and voters came from
 * @param result the stack
 */
public record CiStackResult(String revisions, AccountSource accounts, StackResult result) {

  /** Where a stack's accounts and voters came from. */
  public enum AccountSource {
    /** The administrator's accounts given with the request. */
    GLOBAL("the global configuration"),
    /** {@code .tglive.yaml} of the requested base commit. */
    REPOSITORY(".tglive.yaml of the base revision (the target branch's tip)");

    private final String description;

    AccountSource(String description) {
      this.description = description;
    }

    /** For build logs. */
    public String description() {
      return description;
    }
  }
}
