package io.tglive.policy;

/** A problem in a settings file, at a 1-based line and column. */
public record SettingsProblem(String file, int line, int column, String message) {

  /** {@code file:line:column: message}, the form editors and CI logs link. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + message;
  }
}
