package io.tglive.approval.notify;

import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the addresses of a gate's voters are looked up, supplied by the caller: the members of a
 * {@code group:NAME} voter and the address a user gave (Jenkins: the security realm and the user's
 * mail property). The decisions (which addresses, what to do when a group cannot be listed) are
 * {@link VoterAddresses}'.
 */
public interface VoterDirectory {

  /** Knows no group's members and no user's address. */
  VoterDirectory NONE = of(group -> null);

  /**
   * The user ids in {@code group} (its name without {@code group:}); null when this directory cannot
   * list them. May throw, with the reason as the message.
   */
  Collection<String> members(String group);

  /** The address {@code user} gave this directory, if any (checked before it is used). */
  Optional<String> address(String user);

  /** A directory of groups only: {@code groupMembers} as {@link #members}, no user addresses. */
  static VoterDirectory of(Function<String, ? extends Collection<String>> groupMembers) {
    return new VoterDirectory() {
      @Override
      public Collection<String> members(String group) {
        return groupMembers.apply(group);
      }

      @Override
      public Optional<String> address(String user) {
        return Optional.empty();
      }
    };
  }
}
