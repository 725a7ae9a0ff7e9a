package io.tglive.change;

/**
 * Why a unit is in the stack, written {@code changed}, {@code added}, {@code deleted},
 * {@code reads:<file>}, {@code probes:<file>} (the file appeared or disappeared where the
 * configuration asks whether it exists), {@code dependent-of:<unit>} or {@code dependency-of:<unit>}.
 *
 * @param kind the relation
 * @param subject the file or unit it names; empty for changed, added and deleted
 */
public record Reason(Kind kind, String subject) implements Comparable<Reason> {

  /** The relations that put a unit in the stack. */
  public enum Kind {
    CHANGED("changed"),
    ADDED("added"),
    DELETED("deleted"),
    READS("reads"),
    PROBES("probes"),
    DEPENDENT_OF("dependent-of"),
    DEPENDENCY_OF("dependency-of");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** The name used in output. */
    public String label() {
      return label;
    }
  }

  public static final Reason CHANGED = new Reason(Kind.CHANGED, "");
  public static final Reason ADDED = new Reason(Kind.ADDED, "");
  public static final Reason DELETED = new Reason(Kind.DELETED, "");

  /** The unit reads this changed file. */
  public static Reason reads(String file) {
    return new Reason(Kind.READS, file);
  }

  /** The unit's configuration asks whether this added or deleted file (or a directory of it) exists. */
  public static Reason probes(String file) {
    return new Reason(Kind.PROBES, file);
  }

  /** The unit depends directly on this unit of the stack. */
  public static Reason dependentOf(String unit) {
    return new Reason(Kind.DEPENDENT_OF, unit);
  }

  /** This unit of the stack depends directly on the unit. */
  public static Reason dependencyOf(String unit) {
    return new Reason(Kind.DEPENDENCY_OF, unit);
  }

  @Override
  public int compareTo(Reason other) {
    return toString().compareTo(other.toString());
  }

  @Override
  public String toString() {
    return subject.isEmpty() ? kind.label() : kind.label() + ":" + subject;
  }
}
