package io.tglive.run.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Detached {@code git worktree}s of the repository under the run directory, one per commit, kept
 * for the whole run (and reused on resume) so that terragrunt caches and plan paths stay put.
 */
public final class GitWorktrees implements Checkouts {

  private final Path repo;
  private final Path under;
  private final Map<String, Path> roots = new HashMap<>();

  /**
   * @param repo the repository
   * @param under the directory holding the worktrees (in the run directory)
   */
  public GitWorktrees(Path repo, Path under) {
    this.repo = repo.toAbsolutePath().normalize();
    this.under = under.toAbsolutePath().normalize();
  }

  @Override
  public synchronized Path root(String commit) throws IOException, InterruptedException {
    Path known = roots.get(commit);
    if (known != null) {
      return known;
    }
    Path root = under.resolve(commit.substring(0, Math.min(12, commit.length())));
    if (!Files.isDirectory(root.resolve(".git")) && !Files.isRegularFile(root.resolve(".git"))) {
      Files.createDirectories(under);
      git("worktree", "prune");
      git("worktree", "add", "--detach", "--force", root.toString(), commit);
    }
    roots.put(commit, root);
    return root;
  }

  private void git(String... args) throws IOException, InterruptedException {
    List<String> argv = new java.util.ArrayList<>(List.of("git", "-C", repo.toString()));
    argv.addAll(List.of(args));
    Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (process.waitFor() != 0) {
      throw new IOException("git " + String.join(" ", args) + ": " + output);
    }
  }
}
