package io.tglive.conformance;

import java.util.Optional;

/**
 * One way tglive's answer differs from terragrunt's.
 *
 * @param kind what differs
 * @param subject the unit (or {@code unit -> dependency} edge) concerned, repository-relative
 * @param detail what each side said, in one line
 * @param divergence the documented divergence that explains it, or empty for a bug
 */
public record Difference(Kind kind, String subject, String detail, Optional<Divergence> divergence) {

  /** What differs. */
  public enum Kind {
    /** A unit only terragrunt found. */
    UNIT_ONLY_TERRAGRUNT("unit only in terragrunt"),
    /** A unit only tglive found. */
    UNIT_ONLY_TGLIVE("unit only in tglive"),
    /** A dependency only terragrunt found. */
    EDGE_ONLY_TERRAGRUNT("dependency only in terragrunt"),
    /** A dependency only tglive found. */
    EDGE_ONLY_TGLIVE("dependency only in tglive"),
    /** The two disagree on whether an exclude block keeps the unit out of plan and apply. */
    EXCLUDED("exclusion differs"),
    /** Same units and edges, another run order. */
    RUN_ORDER("run order differs"),
    /** A unit only terragrunt's git filter selects for the change. */
    SELECTED_ONLY_TERRAGRUNT("selected only by terragrunt"),
    /** A unit only tglive selects for the change. */
    SELECTED_ONLY_TGLIVE("selected only by tglive"),
    /** tglive rejected the repository that terragrunt accepted. */
    TGLIVE_FAILED("tglive failed");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** How reports name it. */
    public String label() {
      return label;
    }
  }

  /** A difference no documented divergence explains. */
  public static Difference bug(Kind kind, String subject, String detail) {
    return new Difference(kind, subject, detail, Optional.empty());
  }

  /** A difference a documented divergence explains. */
  public static Difference documented(Kind kind, String subject, String detail, Divergence divergence) {
    return new Difference(kind, subject, detail, Optional.of(divergence));
  }

  /** True when no documented divergence explains it. */
  public boolean undocumented() {
    return divergence.isEmpty();
  }

  /** One line: kind, subject, detail and, if documented, the divergence's id. */
  @Override
  public String toString() {
    return (undocumented() ? "UNDOCUMENTED " : "documented (" + divergence.get().id() + ") ")
        + kind.label() + ": " + subject + (detail.isEmpty() ? "" : " (" + detail + ")");
  }
}
