package io.tglive.approval.notify;

import io.tglive.policy.NotificationRules;
import io.tglive.report.ControlCharacters;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The email addresses of a gate's voters: {@code group:NAME} entries expand to their members
 * through the caller's membership function, an id with an entry in the address book gets that
 * address, an id that is an address is used as it is. A voter without an address is logged and
 * left out; it is never an error.
 */
public final class VoterAddresses {

  private final Map<String, String> book;
  private final Function<String, ? extends Collection<String>> groupMembers;

  /**
   * @param book         voter id to address
   * @param groupMembers the user ids in a group, by the group's name (without {@code group:})
   */
  public VoterAddresses(Map<String, String> book, Function<String, ? extends Collection<String>> groupMembers) {
    this.book = Map.copyOf(book);
    this.groupMembers = groupMembers;
  }

  /** The sorted, distinct addresses of {@code voters}; each voter without one is logged. */
  public Set<String> resolve(Collection<String> voters, Consumer<String> log) {
    Set<String> addresses = new TreeSet<>();
    for (String voter : voters) {
      if (voter.startsWith("group:")) {
        String group = voter.substring("group:".length());
        Collection<String> members;
        try {
          members = groupMembers.apply(group);
        } catch (RuntimeException e) {
          log.accept("the members of group '" + shown(group) + "' could not be listed (" + shown(String.valueOf(
              e.getMessage())) + "): they are not notified by email");
          continue;
        }
        if (members == null || members.isEmpty()) {
          log.accept("group '" + shown(group) + "' has no members known here: nobody of it is notified by email");
          continue;
        }
        members.forEach(member -> user(member, addresses, log));
      } else {
        user(voter, addresses, log);
      }
    }
    return addresses;
  }

  private void user(String id, Set<String> addresses, Consumer<String> log) {
    String address = book.get(id);
    if (address == null && NotificationRules.isAddress(id)) {
      address = id;
    }
    if (address == null) {
      log.accept("voter '" + shown(id) + "' has no email address (add it under notifications.addresses): not notified by email");
    } else {
      addresses.add(address);
    }
  }

  private static String shown(String text) {
    return ControlCharacters.escape(text);
  }
}
