package io.jenkins.plugins.tglive;

import hudson.FilePath;
import io.tglive.run.deploy.Checkouts;
import io.tglive.run.deploy.WorkFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The files of a build's units on the agent: worktrees of the run's commits next to the repository
 * ({@code <repo>@tglive/worktrees/}) and plan files per build ({@code <repo>@tglive/<build>/plans/}).
 * Every operation crosses the channel as an {@link AgentFileCallable}.
 */
final class AgentWorkspace implements WorkFiles, Checkouts {

  private final FilePath node;
  private final String repo;

  /**
   * @param node any directory on the agent, to reach its file system
   * @param repo the repository's absolute path on the agent, as the run's header records it
   */
  AgentWorkspace(FilePath node, String repo) {
    this.node = node;
    this.repo = repo;
  }

  /** The plan file of {@code unit} in build {@code build}. */
  Path planFile(int build, String unit) {
    return Path.of(repo + "@tglive", Integer.toString(build), "plans",
        (unit.isEmpty() ? "_root" : unit.replace("/", "__")) + ".tfplan");
  }

  @Override
  public boolean isDirectory(Path directory) throws IOException, InterruptedException {
    return Boolean.parseBoolean(at(directory).act(new AgentFileCallable(AgentFileCallable.Operation.IS_DIRECTORY,
        null, null)));
  }

  @Override
  public void clear(Path planFile) throws IOException, InterruptedException {
    at(planFile).act(new AgentFileCallable(AgentFileCallable.Operation.CLEAR, null, null));
  }

  @Override
  public String digest(Path planFile) throws IOException, InterruptedException {
    return at(planFile).act(new AgentFileCallable(AgentFileCallable.Operation.DIGEST, null, null));
  }

  @Override
  public Path root(String commit) throws IOException, InterruptedException {
    return Path.of(node.child(repo).act(new AgentFileCallable(AgentFileCallable.Operation.WORKTREE, commit,
        repo + "@tglive/worktrees")));
  }

  private FilePath at(Path path) {
    return node.child(path.toString());
  }
}
