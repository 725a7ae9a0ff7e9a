package io.tglive.change;

import io.tglive.graph.UnitGraph;
import io.tglive.graph.UnitNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Maps changed files to the units they select. A file inside a unit's directory (and not inside a
 * nested unit) selects that unit; every unit that reads a file, or a directory holding it (a local
 * module), is selected by it too, and so is every unit that asks whether an added or deleted file
 * (or a directory holding it) exists ({@link UnitNode#probes()}). A {@code terragrunt.stack.hcl} selects
 * every unit in its directory and below, generated ones included, as Terragrunt's git filter does.
 * Added files are mapped against the head graph, deleted files
 * against the base graph, modified files against both. Units only at head are added, units only at
 * base are deleted, whatever files changed.
 */
public final class ChangeMapper {

  private static final String STACK_FILE = "terragrunt.stack.hcl";

  private ChangeMapper() {}

  /** The units the changed files select directly (no dependents or dependencies yet). */
  public static Selection select(UnitGraph base, UnitGraph head, List<ChangedFile> files, IgnoreRules ignore) {
    SortedMap<String, SortedSet<Reason>> applies = new TreeMap<>();
    SortedMap<String, SortedSet<Reason>> destroys = new TreeMap<>();
    for (String unit : head.units().keySet()) {
      if (!base.contains(unit)) {
        add(applies, unit, Reason.ADDED);
      }
    }
    for (String unit : base.units().keySet()) {
      if (!head.contains(unit)) {
        add(destroys, unit, Reason.DELETED);
      }
    }
    // Only the changed files and their directories are looked up among the reads.
    Set<String> wanted = new HashSet<>();
    for (ChangedFile file : files) {
      for (String directory = file.path(); directory != null && wanted.add(directory); directory = parent(directory)) {
        // a unit reading a directory reads every file under it
      }
    }
    Map<String, List<String>> baseReaders = readers(base, wanted);
    Map<String, List<String>> headReaders = readers(head, wanted);
    Map<String, List<String>> probers = probers(List.of(base, head), wanted);
    SortedSet<String> unmapped = new TreeSet<>();
    SortedSet<String> ignored = new TreeSet<>();
    for (ChangedFile file : files) {
      if (ignore.ignores(file.path())) {
        ignored.add(file.path());
        continue;
      }
      boolean mapped = false;
      if (file.kind() != ChangeKind.DELETED) {
        mapped |= map(file.path(), head, headReaders, base, head, applies);
      }
      if (file.kind() != ChangeKind.ADDED) {
        mapped |= map(file.path(), base, baseReaders, base, head, applies);
      }
      if (file.kind() != ChangeKind.MODIFIED) {
        mapped |= mapProbes(file.path(), probers, head, applies);
      }
      if (!mapped) {
        unmapped.add(file.path());
      }
    }
    return new Selection(applies, destroys, unmapped, ignored);
  }

  /**
   * Selects, among the units of {@code graph}, the owner and the readers of a file; only units that
   * exist at head are recorded, since units only at base are destroyed anyway. True if any unit of
   * {@code graph} owns or reads the file.
   */
  private static boolean map(
      String file,
      UnitGraph graph,
      Map<String, List<String>> readers,
      UnitGraph base,
      UnitGraph head,
      SortedMap<String, SortedSet<Reason>> applies) {
    boolean mapped = false;
    String owner = owner(graph, file);
    if (owner != null) {
      mapped = true;
      if (head.contains(owner)) {
        add(applies, owner, base.contains(owner) ? Reason.CHANGED : Reason.ADDED);
      }
    }
    if (file.equals(STACK_FILE) || file.endsWith("/" + STACK_FILE)) {
      // As Terragrunt's git filter: a stack file selects its directory and everything below it.
      String directory = parent(file);
      String prefix = directory.equals(".") ? "" : directory + "/";
      for (String unit : graph.units().keySet()) {
        if (unit.equals(directory) || unit.startsWith(prefix)) {
          mapped = true;
          if (head.contains(unit) && !unit.equals(owner)) {
            add(applies, unit, Reason.reads(file));
          }
        }
      }
    }
    for (String directory = file; directory != null; directory = parent(directory)) {
      for (String reader : readers.getOrDefault(directory, List.of())) {
        if (!reader.equals(owner)) {
          mapped = true;
          if (head.contains(reader)) {
            add(applies, reader, Reason.reads(file));
          }
        }
      }
    }
    return mapped;
  }

  /**
   * Selects every unit at head whose configuration asks whether the added or deleted file, or a
   * directory holding it, exists: its evaluation changes with the file's appearance. True if any
   * unit of either tree asked.
   */
  private static boolean mapProbes(
      String file, Map<String, List<String>> probers, UnitGraph head, SortedMap<String, SortedSet<Reason>> applies) {
    boolean mapped = false;
    for (String directory = file; directory != null; directory = parent(directory)) {
      for (String prober : probers.getOrDefault(directory, List.of())) {
        mapped = true;
        if (head.contains(prober)) {
          add(applies, prober, Reason.probes(file));
        }
      }
    }
    return mapped;
  }

  /** Each path among {@code wanted} probed by a unit of any of the graphs, with the units probing it. */
  private static Map<String, List<String>> probers(List<UnitGraph> graphs, Set<String> wanted) {
    Map<String, List<String>> probers = new HashMap<>();
    for (UnitGraph graph : graphs) {
      for (UnitNode unit : graph.units().values()) {
        for (String probe : unit.probes()) {
          if (wanted.contains(probe)) {
            List<String> units = probers.computeIfAbsent(probe, k -> new ArrayList<>());
            if (!units.contains(unit.path())) {
              units.add(unit.path());
            }
          }
        }
      }
    }
    return probers;
  }

  /** The innermost unit whose directory holds the file, or null. */
  private static String owner(UnitGraph graph, String file) {
    for (String directory = parent(file); directory != null; directory = parent(directory)) {
      if (graph.contains(directory)) {
        return directory;
      }
    }
    return null;
  }

  /** Each path among {@code wanted} read by a unit, with the units reading it. */
  private static Map<String, List<String>> readers(UnitGraph graph, Set<String> wanted) {
    Map<String, List<String>> readers = new HashMap<>();
    for (UnitNode unit : graph.units().values()) {
      for (String read : unit.reads()) {
        if (wanted.contains(read)) {
          readers.computeIfAbsent(read, k -> new ArrayList<>()).add(unit.path());
        }
      }
    }
    return readers;
  }

  /** The parent directory ({@code .} for the root), or null for the root itself. */
  private static String parent(String path) {
    if (path.equals(".")) {
      return null;
    }
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "." : path.substring(0, slash);
  }

  private static void add(SortedMap<String, SortedSet<Reason>> units, String unit, Reason reason) {
    units.computeIfAbsent(unit, k -> new TreeSet<>()).add(reason);
  }
}
