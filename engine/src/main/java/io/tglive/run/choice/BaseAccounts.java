package io.tglive.run.choice;

import io.tglive.change.ChangeException;
import io.tglive.change.GitChanges;
import io.tglive.policy.AccountMapping;
import io.tglive.policy.RepoSettings;
import io.tglive.policy.SettingsException;
import io.tglive.repo.GitTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** The accounts of {@code .tglive.yaml} at a revision: the base of a change, as the stack reads them. */
public final class BaseAccounts {

  private BaseAccounts() {}

  /** The accounts of {@value RepoSettings#FILE_NAME} at {@code revision} of the repository at (or above) {@code repo}. */
  public static AccountMapping at(Path repo, String revision) throws IOException, ChangeException, SettingsException {
    Optional<String> text = text(repo, revision);
    return text.isEmpty() ? AccountMapping.EMPTY : parse(revision, text.get());
  }

  /**
   * The text of {@value RepoSettings#FILE_NAME} at {@code revision}, if the file is there: what an agent
   * sends a Jenkins controller, which parses it with {@link #parse}.
   */
  public static Optional<String> text(Path repo, String revision) throws IOException, ChangeException {
    FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true).findGitDir(repo.toFile());
    if (builder.getGitDir() == null) {
      throw new ChangeException(repo + ": not a git repository");
    }
    try (Repository repository = builder.build()) {
      GitTree tree = GitTree.of(repository, GitChanges.resolve(repository, revision));
      Path file = tree.root().resolve(RepoSettings.FILE_NAME);
      return tree.isFile(file)
          ? Optional.of(new String(tree.read(file), StandardCharsets.UTF_8)) : Optional.empty();
    }
  }

  /** The accounts of {@code text}, the {@value RepoSettings#FILE_NAME} of {@code revision}. */
  public static AccountMapping parse(String revision, String text) throws SettingsException {
    return RepoSettings.parse(RepoSettings.FILE_NAME + " at " + revision, text).accounts();
  }
}
