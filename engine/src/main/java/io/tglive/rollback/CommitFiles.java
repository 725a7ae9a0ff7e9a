package io.tglive.rollback;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Reads a file of a commit of the repository (where the repository is: this machine, or a build agent). */
@FunctionalInterface
public interface CommitFiles {

  /** The file at repository path {@code path} in {@code commit}, or null when the commit has none. */
  String show(String commit, String path) throws IOException, InterruptedException;

  /**
   * The files of the git repository at {@code repo} on this machine ({@code git show}); a commit or
   * repository that is not there is an error, never "no such file".
   */
  static CommitFiles git(Path repo) {
    return (commit, path) -> {
      Process process = new ProcessBuilder("git", "-C", repo.toString(), "show", commit + ":" + path)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      byte[] content = process.getInputStream().readAllBytes();
      if (process.waitFor() == 0) {
        return new String(content, StandardCharsets.UTF_8);
      }
      // no such file, or no such commit or repository: only the first is an answer
      Process check = new ProcessBuilder("git", "-C", repo.toString(), "cat-file", "-e", commit + "^{commit}")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (check.waitFor() != 0) {
        throw new IOException("commit " + commit + " is not in the git repository " + repo);
      }
      return null;
    };
  }
}
