package io.jenkins.plugins.tglive;

import io.tglive.run.deploy.LocalWorkFiles;
import io.tglive.run.deploy.WorkFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The files of a unit that runs on CodeBuild: its directory is checked in the agent's checkout (as for
 * the agent runner), its plan file lives on the controller, in the build's run directory
 * ({@code <build dir>/tglive/plans/}), where the CodeBuild runner downloads it from S3 after checking
 * its SHA-256 and from where it uploads it again for the apply build.
 */
final class ControllerPlanFiles implements WorkFiles {

  private final WorkFiles agent;
  private final WorkFiles controller = new LocalWorkFiles();

  /** @param agent the agent's files, for unit directories */
  ControllerPlanFiles(WorkFiles agent) {
    this.agent = agent;
  }

  @Override
  public boolean isDirectory(Path directory) throws IOException, InterruptedException {
    return agent.isDirectory(directory);
  }

  @Override
  public void clear(Path planFile) throws IOException, InterruptedException {
    controller.clear(planFile);
  }

  @Override
  public String digest(Path planFile) throws IOException, InterruptedException {
    return controller.digest(planFile);
  }
}
