package io.tglive.approval;

import java.util.Map;
import java.util.Set;

/** Resolves {@code group:NAME} voters: supplied by the caller (Jenkins' security realm, the command line). */
@FunctionalInterface
public interface Membership {

  /** Nobody belongs to any group. */
  Membership NONE = (user, group) -> false;

  /** Whether {@code user} belongs to {@code group} (the name without {@code group:}). */
  boolean isMember(String user, String group);

  /** Membership from a fixed table of groups by user. */
  static Membership of(Map<String, Set<String>> groupsByUser) {
    return (user, group) -> groupsByUser.getOrDefault(user, Set.of()).contains(group);
  }
}
