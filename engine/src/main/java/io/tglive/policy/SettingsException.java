package io.tglive.policy;

import java.util.List;
import java.util.stream.Collectors;

/** A settings file that cannot be used; its message is one {@code file:line:column: message} line per problem. */
public final class SettingsException extends Exception {

  private static final long serialVersionUID = 1L;

  private final List<SettingsProblem> problems;

  public SettingsException(List<SettingsProblem> problems) {
    super(problems.stream().map(SettingsProblem::toString).collect(Collectors.joining("\n")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a settings exception needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** The problems, in file order. */
  public List<SettingsProblem> problems() {
    return problems;
  }
}
