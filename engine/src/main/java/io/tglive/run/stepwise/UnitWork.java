package io.tglive.run.stepwise;

import io.tglive.run.UnitRunner;
import io.tglive.run.deploy.Checkouts;
import io.tglive.run.deploy.WorkFiles;
import io.tglive.run.terragrunt.TerragruntCommands;
import java.nio.file.Path;

/**
 * Where and how one unit's terragrunt commands run.
 *
 * @param runner runs the commands
 * @param files the runner's file system (unit directories, plan files)
 * @param checkouts checkouts of the run's head and base commits, on the runner's file system
 * @param commands the unit's command lines
 * @param planFile the absolute plan file, the same for the plan and the apply of the unit
 */
public record UnitWork(UnitRunner runner, WorkFiles files, Checkouts checkouts, TerragruntCommands commands,
    Path planFile) {

  public UnitWork {
    if (!planFile.isAbsolute()) {
      throw new IllegalArgumentException("plan file must be absolute: " + planFile);
    }
  }
}
