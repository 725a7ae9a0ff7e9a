package io.tglive.policy;

import java.util.List;
import java.util.stream.Collectors;

/** An account mapping that breaks the {@link AccountRules}; its message has one line per problem, each naming its account. */
public final class InvalidAccountsException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final transient List<AccountProblem> problems;

  InvalidAccountsException(List<AccountProblem> problems) {
    super("invalid account mapping: "
        + problems.stream().map(AccountProblem::message).collect(Collectors.joining("\n  ")));
    this.problems = List.copyOf(problems);
  }

  /** The problems, in account order. */
  public List<AccountProblem> problems() {
    return problems;
  }
}
