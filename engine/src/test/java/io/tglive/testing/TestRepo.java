package io.tglive.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.util.FileUtils;

/** A real git repository built by a test with JGit: write files, commit, branch. */
public final class TestRepo implements AutoCloseable {

  private final Git git;
  private final Path root;

  private TestRepo(Git git, Path root) {
    this.git = git;
    this.root = root;
  }

  /** A new repository in this directory with the initial branch {@code main}. */
  public static TestRepo init(Path directory) {
    try {
      return new TestRepo(
          Git.init().setDirectory(directory.toFile()).setInitialBranch("main").call(),
          directory.toAbsolutePath().normalize());
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  public Path root() {
    return root;
  }

  public Repository repository() {
    return git.getRepository();
  }

  /** Writes a file in the work tree, creating its directories. */
  public TestRepo write(String path, String content) {
    try {
      Path file = root.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates a symbolic link in the work tree. */
  public TestRepo symlink(String path, String target) {
    try {
      Path link = root.resolve(path);
      Files.createDirectories(link.getParent());
      FileUtils.createSymLink(link.toFile(), target);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes a file or a whole directory from the work tree. */
  public TestRepo delete(String path) {
    try {
      FileUtils.delete(root.resolve(path).toFile(), FileUtils.RECURSIVE);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Moves a file or directory in the work tree. */
  public TestRepo move(String from, String to) {
    try {
      Path target = root.resolve(to);
      Files.createDirectories(target.getParent());
      Files.move(root.resolve(from), target);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stages every change of the work tree and commits it. */
  public RevCommit commit(String message) {
    try {
      git.add().addFilepattern(".").call();
      git.add().addFilepattern(".").setUpdate(true).call();
      return git.commit().setMessage(message).setAuthor("Test", "test@example.com")
          .setCommitter("Test", "test@example.com").setSign(false).call();
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Creates a branch at the current commit and checks it out. */
  public TestRepo branch(String name) {
    try {
      git.checkout().setCreateBranch(true).setName(name).call();
      return this;
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Checks out an existing branch. */
  public TestRepo checkout(String name) {
    try {
      git.checkout().setName(name).call();
      return this;
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    git.close();
  }
}
