package io.tglive.policy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Reads {@value RepoSettings#FILE_NAME} as a commit has it, as the stack of a change does from its
 * base: settings that govern a run come from what was already merged, never from the change.
 */
public final class SettingsAtCommit {

  private SettingsAtCommit() {}

  /**
   * The settings at {@code commit} of the repository at {@code repo}; defaults when the commit has
   * no settings file.
   *
   * @throws IOException       when the repository or the commit cannot be read
   * @throws SettingsException when the file is invalid, named {@code .tglive.yaml at <commit>}
   */
  public static RepoSettings read(Path repo, String commit) throws IOException, SettingsException {
    try (Repository repository = new FileRepositoryBuilder().setMustExist(true).findGitDir(repo.toFile()).build();
        RevWalk walk = new RevWalk(repository)) {
      RevCommit revision = walk.parseCommit(ObjectId.fromString(commit));
      try (TreeWalk file = TreeWalk.forPath(repository, RepoSettings.FILE_NAME, revision.getTree())) {
        if (file == null) {
          return RepoSettings.defaults();
        }
        String name = RepoSettings.FILE_NAME + " at " + revision.abbreviate(10).name();
        ObjectLoader content = repository.open(file.getObjectId(0));
        if (content.getSize() > RepoSettings.MAX_BYTES) {
          throw new SettingsException(List.of(new SettingsProblem(name, 1, 1,
              "larger than " + RepoSettings.MAX_BYTES + " bytes")));
        }
        return RepoSettings.parse(name, content.getBytes());
      }
    }
  }
}
