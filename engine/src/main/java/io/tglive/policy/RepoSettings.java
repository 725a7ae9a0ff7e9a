package io.tglive.policy;

import io.tglive.repo.Utf8;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A repository's {@value #FILE_NAME}: its accounts and the files whose changes deploy nothing.
 *
 * @param accounts the account mapping, already validated
 * @param ignore globs of repository paths that never trigger a deployment
 * @param notifications who is told when a gate opens, and how
 */
public record RepoSettings(AccountMapping accounts, List<String> ignore, NotificationSettings notifications) {

  /** The settings file at a repository root. */
  public static final String FILE_NAME = ".tglive.yaml";

  /** The ignore globs when the file has no {@code ignore:} key. */
  public static final List<String> DEFAULT_IGNORE = List.of("**/*.md", "docs/**");

  public RepoSettings {
    ignore = List.copyOf(ignore);
    Objects.requireNonNull(notifications, "notifications");
  }

  /** Settings without notifications. */
  public RepoSettings(AccountMapping accounts, List<String> ignore) {
    this(accounts, ignore, NotificationSettings.NONE);
  }

  /** These settings with other notifications. */
  public RepoSettings withNotifications(NotificationSettings notifications) {
    return new RepoSettings(accounts, ignore, notifications);
  }

  /** Settings of a repository without a settings file. */
  public static RepoSettings defaults() {
    return new RepoSettings(AccountMapping.EMPTY, DEFAULT_IGNORE);
  }

  /** The largest settings file read; a larger one is an error, not a memory hazard. */
  public static final int MAX_BYTES = 1 << 20;

  /** Reads {@value #FILE_NAME} at {@code repoRoot}; defaults when there is none. */
  public static RepoSettings load(Path repoRoot) throws IOException, SettingsException {
    Path file = repoRoot.resolve(FILE_NAME);
    return Files.exists(file) ? read(file) : defaults();
  }

  /** Reads a settings file, which must exist. */
  public static RepoSettings read(Path file) throws IOException, SettingsException {
    if (!Files.isRegularFile(file)) {
      throw problem(file.toString(), "not a regular file");
    }
    if (Files.size(file) > MAX_BYTES) {
      throw problem(file.toString(), "larger than " + MAX_BYTES + " bytes");
    }
    return parse(file.toString(), Files.readAllBytes(file));
  }

  /** Parses and validates settings given as bytes, which must be UTF-8; {@code fileName} only names the file in problems. */
  public static RepoSettings parse(String fileName, byte[] content) throws SettingsException {
    String text;
    try {
      text = Utf8.decode(content);
    } catch (Utf8.NotUtf8Exception e) {
      throw new SettingsException(List.of(new SettingsProblem(fileName, e.line(), e.column(), e.getMessage())));
    }
    return parse(fileName, text);
  }

  /** Parses and validates settings; {@code fileName} only names the file in problems. */
  public static RepoSettings parse(String fileName, String yaml) throws SettingsException {
    return new SettingsParser(fileName).parse(yaml);
  }

  private static SettingsException problem(String fileName, String message) {
    return new SettingsException(List.of(new SettingsProblem(fileName, 1, 1, message)));
  }
}
