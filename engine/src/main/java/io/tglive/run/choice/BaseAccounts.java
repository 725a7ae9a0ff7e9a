package io.tglive.run.choice;

import io.tglive.change.ChangeException;
import io.tglive.change.GitChanges;
import io.tglive.policy.AccountMapping;
import io.tglive.policy.RepoSettings;
import io.tglive.policy.SettingsException;
import io.tglive.repo.GitTree;
import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** The accounts of {@code .tglive.yaml} at a revision: the base of a change, as the stack reads them. */
public final class BaseAccounts {

  private BaseAccounts() {}

  /** The accounts of {@value RepoSettings#FILE_NAME} at {@code revision} of the repository at (or above) {@code repo}. */
  public static AccountMapping at(Path repo, String revision) throws IOException, ChangeException, SettingsException {
    FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true).findGitDir(repo.toFile());
    if (builder.getGitDir() == null) {
      throw new ChangeException(repo + ": not a git repository");
    }
    try (Repository repository = builder.build()) {
      GitTree tree = GitTree.of(repository, GitChanges.resolve(repository, revision));
      Path file = tree.root().resolve(RepoSettings.FILE_NAME);
      if (!tree.isFile(file)) {
        return AccountMapping.EMPTY;
      }
      return RepoSettings.parse(RepoSettings.FILE_NAME + " at " + revision, tree.read(file)).accounts();
    }
  }
}
