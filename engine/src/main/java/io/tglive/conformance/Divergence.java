package io.tglive.conformance;

/**
 * A deliberate, documented way in which tglive differs from terragrunt (each is listed with its
 * reason in {@code docs/conformance.md}). A {@link Difference} explained by one of these is not a
 * bug.
 */
public enum Divergence {

  /**
   * An included {@code terragrunt.hcl} with no {@code terraform} source and no {@code *.tf} beside
   * it is a root configuration shared by the units below it, not a unit, unless
   * {@code --root-config-is-unit}: deploying it would run OpenTofu on an empty module.
   */
  ROOT_CONFIGURATION(
      "root-configuration",
      "an included terragrunt.hcl without terraform source is a root configuration, not a unit"),

  /**
   * tglive selects the owner of a changed file in any subdirectory of a unit, every unit that reads
   * it through any function (including in {@code inputs}) and every unit whose local module holds
   * it; terragrunt's git filter selects only the unit in the file's own directory and units it
   * tracks as reading the file. A safe superset.
   */
  READERS_SUPERSET(
      "readers-superset",
      "tglive also selects units that read the file or own it from a parent directory (a safe superset)"),

  /**
   * A dependency cycle is an error that names every unit of the cycle; terragrunt's {@code find}
   * warns, drops units until no cycle is left and prints what remains.
   */
  CYCLE("cycle", "tglive rejects a dependency cycle, naming it; terragrunt find drops the units of the cycle"),

  /** A changed file matched by the {@code ignore} globs of {@code .tglive.yaml} selects nothing. */
  IGNORED_FILE(
      "ignored-file",
      "the changed file is matched by an ignore glob of .tglive.yaml, so it selects nothing");

  private final String id;
  private final String reason;

  Divergence(String id, String reason) {
    this.id = id;
    this.reason = reason;
  }

  /** The short name used in reports and in {@code docs/conformance.md}. */
  public String id() {
    return id;
  }

  /** Why tglive differs, in one line. */
  public String reason() {
    return reason;
  }
}
