package io.jenkins.plugins.tglive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A real git repository built with JGit: on {@code main}, units {@code live/vpc} and {@code live/app}
 * (depends on vpc); on branch {@code feature}, one more commit changing vpc.
 */
final class LiveRepoFixture implements AutoCloseable {

  private final Git git;
  private final Path dir;
  final RevCommit main;
  final RevCommit feature;

  LiveRepoFixture(Path dir) throws IOException, GitAPIException {
    this.dir = dir;
    git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
    write(dir, "live/vpc/terragrunt.hcl", "inputs = {\n  cidr = \"10.0.0.0/16\"\n}\n");
    write(dir, "live/app/terragrunt.hcl", "dependency \"vpc\" {\n  config_path = \"../vpc\"\n}\n");
    main = commit("base");
    git.checkout().setCreateBranch(true).setName("feature").call();
    write(dir, "live/vpc/terragrunt.hcl", "inputs = {\n  cidr = \"10.1.0.0/16\"\n}\n");
    feature = commit("vpc");
  }

  /** Points {@code refs/remotes/origin/<branch>} at a commit, as a fetch would. */
  void remoteBranch(String branch, RevCommit commit) throws IOException {
    RefUpdate update = git.getRepository().updateRef("refs/remotes/origin/" + branch);
    update.setNewObjectId(commit);
    update.update();
  }

  /** Writes one file on the checked-out branch and commits it. */
  RevCommit commit(String path, String content, String message) throws IOException, GitAPIException {
    write(dir, path, content);
    return commit(message);
  }

  private RevCommit commit(String message) throws GitAPIException {
    git.add().addFilepattern(".").call();
    return git.commit().setMessage(message).setAuthor("Test", "test@example.com")
        .setCommitter("Test", "test@example.com").setSign(false).call();
  }

  private static void write(Path dir, String path, String content) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    git.close();
  }
}
