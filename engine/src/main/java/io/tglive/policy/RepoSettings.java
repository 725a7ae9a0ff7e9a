package io.tglive.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A repository's {@value #FILE_NAME}: its accounts and the files whose changes deploy nothing.
 *
 * @param accounts the account mapping, already validated
 * @param ignore globs of repository paths that never trigger a deployment
 */
public record RepoSettings(AccountMapping accounts, List<String> ignore) {

  /** The settings file at a repository root. */
  public static final String FILE_NAME = ".tglive.yaml";

  /** The ignore globs when the file has no {@code ignore:} key. */
  public static final List<String> DEFAULT_IGNORE = List.of("**/*.md", "docs/**");

  public RepoSettings {
    ignore = List.copyOf(ignore);
  }

  /** Settings of a repository without a settings file. */
  public static RepoSettings defaults() {
    return new RepoSettings(AccountMapping.EMPTY, DEFAULT_IGNORE);
  }

  /** Reads {@value #FILE_NAME} at {@code repoRoot}; defaults when there is none. */
  public static RepoSettings load(Path repoRoot) throws IOException, SettingsException {
    Path file = repoRoot.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      return defaults();
    }
    return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
  }

  /** Parses and validates settings; {@code fileName} only names the file in problems. */
  public static RepoSettings parse(String fileName, String yaml) throws SettingsException {
    return new SettingsParser(fileName).parse(yaml);
  }
}
