package io.tglive.run.deploy;

import io.tglive.run.state.RunUnit;
import java.util.List;

/**
 * Where each unit of a run runs and what its plans add: a unit of a deploy runs in its own
 * directory; a rollback's steps name their unit's directory and may destroy by {@code -target}.
 */
public interface UnitLayout {

  /** Every unit in the directory its path names, with no extra plan arguments. */
  UnitLayout OWN_DIRECTORY = new UnitLayout() {
    @Override
    public String directory(RunUnit unit) {
      return unit.path();
    }

    @Override
    public List<String> planArgs(RunUnit unit) {
      return List.of();
    }
  };

  /** The repository-relative directory terragrunt runs in for {@code unit}. */
  String directory(RunUnit unit);

  /** Arguments added to the unit's plan command ({@code -target=ADDRESS}). */
  List<String> planArgs(RunUnit unit);
}
