package io.tglive.run.deploy;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The files terragrunt works with, where the runner runs them: the unit's directory in a checkout and
 * its plan file. Local for {@code tglive run}; on the build agent for the Jenkins steps.
 */
public interface WorkFiles {

  /** Whether {@code directory} exists and is a directory. */
  boolean isDirectory(Path directory) throws IOException, InterruptedException;

  /** Makes room for a new plan file: its parent directories exist and no older plan is left in its place. */
  void clear(Path planFile) throws IOException, InterruptedException;

  /** The SHA-256 of the plan file's bytes, or null when there is no such file where the runner keeps it. */
  String digest(Path planFile) throws IOException, InterruptedException;
}
