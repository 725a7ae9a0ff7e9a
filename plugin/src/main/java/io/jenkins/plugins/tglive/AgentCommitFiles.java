package io.jenkins.plugins.tglive;

import hudson.FilePath;
import hudson.remoting.VirtualChannel;
import io.tglive.rollback.CommitFiles;
import java.io.File;
import java.io.IOException;
import jenkins.MasterToSlaveFileCallable;

/** The files of the build's repository on the agent, read there with the engine's {@link CommitFiles#git}. */
final class AgentCommitFiles implements CommitFiles {

  private final FilePath repo;

  /** @param repo the repository's directory on the agent */
  AgentCommitFiles(FilePath repo) {
    this.repo = repo;
  }

  @Override
  public String show(String commit, String path) throws IOException, InterruptedException {
    return repo.act(new Show(commit, path));
  }

  /** One {@code git show COMMIT:PATH} on the agent. */
  private static final class Show extends MasterToSlaveFileCallable<String> {

    private static final long serialVersionUID = 1L;

    private final String commit;
    private final String path;

    Show(String commit, String path) {
      this.commit = commit;
      this.path = path;
    }

    @Override
    public String invoke(File file, VirtualChannel channel) throws IOException, InterruptedException {
      return CommitFiles.git(file.toPath()).show(commit, path);
    }
  }
}
