package io.tglive.approval.notify;

import io.tglive.policy.NotificationRules;
import io.tglive.report.ControlCharacters;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The email addresses of a gate's voters. A user gets, in this order, the address the address book
 * gives them, the address they gave the {@link VoterDirectory}, or their id when it is an address.
 * A {@code group:NAME} voter expands to its members through the directory; when it cannot be
 * listed, lists nobody, or none of its members has an address, the book's entry for
 * {@code group:NAME} (the group's fallback address) is told instead, and the reason is logged.
 * A voter without an address is logged and left out; it is never an error.
 */
public final class VoterAddresses {

  private static final String GROUP = "group:";

  private final Map<String, String> book;
  private final VoterDirectory directory;

  /**
   * @param book      voter id (or {@code group:NAME}, a group's fallback) to address
   * @param directory group members and users' own addresses
   */
  public VoterAddresses(Map<String, String> book, VoterDirectory directory) {
    this.book = Map.copyOf(book);
    this.directory = directory;
  }

  /**
   * @param book         voter id to address
   * @param groupMembers the user ids in a group, by the group's name (without {@code group:})
   */
  public VoterAddresses(Map<String, String> book, Function<String, ? extends Collection<String>> groupMembers) {
    this(book, VoterDirectory.of(groupMembers));
  }

  /** The sorted, distinct addresses of {@code voters}; each voter (or group) nobody is told for is logged. */
  public Set<String> resolve(Collection<String> voters, Consumer<String> log) {
    Set<String> addresses = new TreeSet<>();
    for (String voter : voters) {
      if (voter.startsWith(GROUP)) {
        group(voter.substring(GROUP.length()), addresses, log);
      } else {
        user(voter, log).ifPresent(addresses::add);
      }
    }
    return addresses;
  }

  private void group(String group, Set<String> addresses, Consumer<String> log) {
    Collection<String> members;
    String problem;
    try {
      members = directory.members(group);
      problem = members == null ? "its members cannot be listed here"
          : members.isEmpty() ? "it has no members known here" : null;
    } catch (RuntimeException e) {
      members = null;
      problem = "its members could not be listed (" + shown(e.getMessage() == null ? e.getClass().getSimpleName()
          : e.getMessage()) + ")";
    }
    if (members != null) {
      long told = members.stream().map(member -> user(member, log)).flatMap(Optional::stream)
          .peek(addresses::add).count();
      if (problem == null && told == 0) {
        problem = "none of its members has an email address";
      }
    }
    if (problem == null) {
      return;
    }
    String fallback = book.get(GROUP + group);
    if (fallback != null) {
      addresses.add(fallback);
      log.accept("group '" + shown(group) + "': " + problem + ": notifying its address " + fallback
          + " (notifications.addresses)");
    } else {
      log.accept("group '" + shown(group) + "': " + problem + ": nobody of it is notified by email (give it a "
          + "fallback address under notifications.addresses as group:" + shown(group) + ")");
    }
  }

  private Optional<String> user(String id, Consumer<String> log) {
    String address = book.get(id);
    if (address == null) {
      address = own(id, log).orElse(NotificationRules.isAddress(id) ? id : null);
    }
    if (address == null) {
      log.accept("voter '" + shown(id) + "' has no email address (add it under notifications.addresses): not notified by email");
    }
    return Optional.ofNullable(address);
  }

  /** The address the directory has for {@code user}, when it is one (a lookup that fails or gives no address is logged). */
  private Optional<String> own(String user, Consumer<String> log) {
    Optional<String> own;
    try {
      own = directory.address(user).map(String::strip);
    } catch (RuntimeException e) {
      log.accept("the address of voter '" + shown(user) + "' could not be looked up (" + shown(String.valueOf(
          e.getMessage())) + ")");
      return Optional.empty();
    }
    if (own.isPresent() && !NotificationRules.isAddress(own.get())) {
      log.accept("voter '" + shown(user) + "' gave '" + shown(own.get()) + "', which is not an email address");
      return Optional.empty();
    }
    return own;
  }

  private static String shown(String text) {
    return ControlCharacters.escape(text);
  }
}
