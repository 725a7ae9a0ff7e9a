package io.tglive.change;

import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The units a change selects, each with its reasons, before ordering.
 *
 * @param applies units of the head tree to apply
 * @param destroys units only in the base tree, to destroy
 * @param unmapped changed files no unit owns or reads
 * @param ignored changed files dropped by the ignore globs
 */
public record Selection(
    SortedMap<String, SortedSet<Reason>> applies,
    SortedMap<String, SortedSet<Reason>> destroys,
    SortedSet<String> unmapped,
    SortedSet<String> ignored) {

  public Selection {
    applies = frozen(applies);
    destroys = frozen(destroys);
    unmapped = Collections.unmodifiableSortedSet(new TreeSet<>(unmapped));
    ignored = Collections.unmodifiableSortedSet(new TreeSet<>(ignored));
  }

  private static SortedMap<String, SortedSet<Reason>> frozen(SortedMap<String, SortedSet<Reason>> units) {
    SortedMap<String, SortedSet<Reason>> copy = new TreeMap<>();
    units.forEach((unit, reasons) -> copy.put(unit, Collections.unmodifiableSortedSet(new TreeSet<>(reasons))));
    return Collections.unmodifiableSortedMap(copy);
  }
}
