package io.tglive.conformance;

import io.tglive.change.ChangedFile;
import io.tglive.conformance.Difference.Kind;
import io.tglive.stack.StackResult;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Compares the units tglive selects for a change (no dependents, no dependencies: what the changed
 * files select directly, added and deleted units, excluded ones included) with the units {@code
 * terragrunt find --filter '[BASE...HEAD]'} selects.
 *
 * <p>Terragrunt maps a changed file to the unit in the file's own directory, or to the units it
 * tracks as reading the file. tglive selects a superset (see {@link Divergence#READERS_SUPERSET}):
 * a unit only tglive selects is documented when no changed file lies directly in its directory,
 * an undocumented difference otherwise. A unit only terragrunt selects is a bug (tglive would deploy
 * too little) unless a changed file in its directory is matched by an ignore glob.
 */
public final class ChangeConformance {

  private ChangeConformance() {}

  /** Every difference between our selection and terragrunt's, for the files the change touches. */
  public static List<Difference> compare(StackResult ours, SortedSet<String> theirs, List<ChangedFile> changed) {
    SortedSet<String> selected = new TreeSet<>(ours.stack().units().keySet());
    selected.addAll(ours.excluded());
    List<Difference> differences = new ArrayList<>();
    for (String unit : theirs) {
      if (!selected.contains(unit)) {
        List<String> ignored = filesDirectlyIn(unit, changed).stream().filter(ours.ignored()::contains).toList();
        differences.add(ignored.isEmpty()
            ? Difference.bug(Kind.SELECTED_ONLY_TERRAGRUNT, unit, "")
            : Difference.documented(Kind.SELECTED_ONLY_TERRAGRUNT, unit, "ignored " + String.join(", ", ignored),
                Divergence.IGNORED_FILE));
      }
    }
    for (String unit : selected) {
      if (!theirs.contains(unit)) {
        List<String> direct = filesDirectlyIn(unit, changed).stream().filter(f -> !ours.ignored().contains(f)).toList();
        String why = ours.stack().units().containsKey(unit)
            ? ours.stack().units().get(unit).reasons().toString()
            : "excluded";
        differences.add(direct.isEmpty()
            ? Difference.documented(Kind.SELECTED_ONLY_TGLIVE, unit, why, Divergence.READERS_SUPERSET)
            : Difference.bug(Kind.SELECTED_ONLY_TGLIVE, unit, why + "; changed in its directory: " + String.join(", ", direct)));
      }
    }
    return differences;
  }

  /** The changed files whose parent directory is the unit's directory. */
  private static List<String> filesDirectlyIn(String unit, List<ChangedFile> changed) {
    List<String> files = new ArrayList<>();
    for (ChangedFile file : changed) {
      int slash = file.path().lastIndexOf('/');
      String parent = slash < 0 ? "." : file.path().substring(0, slash);
      if (parent.equals(unit)) {
        files.add(file.path());
      }
    }
    return files;
  }
}
