package io.jenkins.plugins.tglive;

import hudson.remoting.VirtualChannel;
import io.tglive.run.deploy.GitWorktrees;
import io.tglive.run.deploy.LocalWorkFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import jenkins.MasterToSlaveFileCallable;

/** One file operation of a unit's steps, run where the workspace is: the engine's local implementations, on the agent. */
final class AgentFileCallable extends MasterToSlaveFileCallable<String> {

  private static final long serialVersionUID = 1L;

  /** What to do with the file. */
  enum Operation {
    /** "true" if the file is a directory. */
    IS_DIRECTORY,
    /** Creates the plan file's parent directories and deletes an older plan there. */
    CLEAR,
    /** The plan file's SHA-256, or null. */
    DIGEST,
    /** The file is a repository: the root of its worktree of {@code commit} under {@code under}. */
    WORKTREE
  }

  private final Operation operation;
  private final String commit;
  private final String under;

  AgentFileCallable(Operation operation, String commit, String under) {
    this.operation = operation;
    this.commit = commit;
    this.under = under;
  }

  @Override
  public String invoke(File file, VirtualChannel channel) throws IOException, InterruptedException {
    LocalWorkFiles local = new LocalWorkFiles();
    return switch (operation) {
      case IS_DIRECTORY -> Boolean.toString(local.isDirectory(file.toPath()));
      case CLEAR -> {
        local.clear(file.toPath());
        yield null;
      }
      case DIGEST -> local.digest(file.toPath());
      case WORKTREE -> worktree(file.toPath());
    };
  }

  /** One unit at a time per agent JVM adds a worktree, so that two units of one commit share it. */
  private String worktree(Path repo) throws IOException, InterruptedException {
    synchronized (AgentFileCallable.class) {
      return new GitWorktrees(repo, Path.of(under)).root(commit).toString();
    }
  }
}
