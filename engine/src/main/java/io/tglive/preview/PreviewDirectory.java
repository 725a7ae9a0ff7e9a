package io.tglive.preview;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a preview keeps its worktrees, plans and logs by default: {@code <repo>/.tglive/previews/<head
 * sha, 12 characters>}, so a new commit gets a new directory; {@code .tglive/} holds a
 * {@code .gitignore} of {@code *}, so git ignores all of it.
 */
public final class PreviewDirectory {

  private PreviewDirectory() {}

  /** The directory for the preview of {@code head} (a full sha) in {@code repo}; its parent folders are created. */
  public static Path of(Path repo, String head) throws IOException {
    Path folder = repo.toAbsolutePath().normalize().resolve(".tglive");
    Files.createDirectories(folder);
    Path ignore = folder.resolve(".gitignore");
    if (!Files.exists(ignore)) {
      Files.writeString(ignore, "*\n", StandardCharsets.UTF_8);
    }
    return Files.createDirectories(folder.resolve("previews")).resolve(head.substring(0, Math.min(12, head.length())));
  }
}
