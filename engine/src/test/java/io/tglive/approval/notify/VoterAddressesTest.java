package io.tglive.approval.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Who is e-mailed for a gate: users by the address book, their own address in the caller's
 * directory, or an id that is an address; groups through the directory, and a group's fallback
 * address when its members cannot be told.
 */
class VoterAddressesTest {

  private final LogLines log = new LogLines();

  /** A directory with the groups {@code leads} (carol, dave) and {@code empty}, and addresses of carol and erin. */
  private static final VoterDirectory DIRECTORY = new VoterDirectory() {
    @Override
    public Collection<String> members(String group) {
      return switch (group) {
        case "leads" -> List.of("carol", "dave");
        case "empty" -> List.of();
        case "ldap-down" -> throw new IllegalStateException("connection refused");
        default -> null;
      };
    }

    @Override
    public Optional<String> address(String user) {
      return switch (user) {
        case "carol" -> Optional.of("carol@own.example.com");
        case "erin" -> Optional.of(" erin@own.example.com ");
        case "frank" -> Optional.of("not an address");
        case "gina" -> throw new IllegalStateException("user database locked");
        default -> Optional.empty();
      };
    }
  };

  @Test
  void theBookComesFirstThenTheUsersOwnAddressThenAnIdThatIsAnAddress() {
    VoterAddresses addresses = new VoterAddresses(Map.of("carol", "carol@book.example.com"), DIRECTORY);

    assertThat(addresses.resolve(List.of("carol", "erin", "zoe@example.com"), log))
        .containsExactly("carol@book.example.com", "erin@own.example.com", "zoe@example.com");
    assertThat(log.lines()).isEmpty();
  }

  @Test
  void aGroupIsExpandedToItsMembersEachWithTheirOwnAddress() {
    VoterAddresses addresses = new VoterAddresses(Map.of("dave", "dave@book.example.com",
        "group:leads", "leads@example.com"), DIRECTORY);

    assertThat(addresses.resolve(List.of("group:leads"), log))
        .containsExactly("carol@own.example.com", "dave@book.example.com");
    assertThat(log.lines()).isEmpty();
  }

  @Test
  void aGroupTheDirectoryCannotListIsToldThroughItsFallbackAddressAndTheLogSaysWhy() {
    VoterAddresses addresses = new VoterAddresses(Map.of("group:platform", "platform@example.com"), DIRECTORY);

    assertThat(addresses.resolve(List.of("group:platform", "erin"), log))
        .containsExactly("erin@own.example.com", "platform@example.com");
    assertThat(log.lines()).containsExactly("group 'platform': its members cannot be listed here: notifying its "
        + "address platform@example.com (notifications.addresses)");
  }

  @Test
  void aGroupWhoseLookupFailsIsToldThroughItsFallbackWithTheReason() {
    VoterAddresses addresses = new VoterAddresses(Map.of("group:ldap-down", "ops@example.com"), DIRECTORY);

    assertThat(addresses.resolve(List.of("group:ldap-down"), log)).containsExactly("ops@example.com");
    assertThat(log.lines()).containsExactly("group 'ldap-down': its members could not be listed (connection refused): "
        + "notifying its address ops@example.com (notifications.addresses)");
  }

  @Test
  void aGroupWhoseMembersHaveNoAddressIsToldThroughItsFallback() {
    VoterAddresses addresses = new VoterAddresses(Map.of("group:leads", "leads@example.com"),
        VoterDirectory.of(group -> List.of("xavier", "yann")));

    assertThat(addresses.resolve(List.of("group:leads"), log)).containsExactly("leads@example.com");
    assertThat(log.lines()).containsExactly(
        "voter 'xavier' has no email address (add it under notifications.addresses): not notified by email",
        "voter 'yann' has no email address (add it under notifications.addresses): not notified by email",
        "group 'leads': none of its members has an email address: notifying its address leads@example.com "
            + "(notifications.addresses)");
  }

  @Test
  void aGroupWithoutFallbackThatCannotBeToldIsLoggedAndTheOthersAreStillTold() {
    VoterAddresses addresses = new VoterAddresses(Map.of(), DIRECTORY);

    assertThat(addresses.resolve(List.of("group:empty", "group:unknown", "erin"), log))
        .containsExactly("erin@own.example.com");
    assertThat(log.lines()).containsExactly(
        "group 'empty': it has no members known here: nobody of it is notified by email (give it a fallback "
            + "address under notifications.addresses as group:empty)",
        "group 'unknown': its members cannot be listed here: nobody of it is notified by email (give it a fallback "
            + "address under notifications.addresses as group:unknown)");
  }

  @Test
  void anOwnAddressThatIsNotOneOrCannotBeLookedUpIsLoggedAndNotUsed() {
    VoterAddresses addresses = new VoterAddresses(Map.of(), DIRECTORY);

    assertThat(addresses.resolve(List.of("frank", "gina"), log)).isEmpty();
    assertThat(log.lines()).containsExactly(
        "voter 'frank' gave 'not an address', which is not an email address",
        "voter 'frank' has no email address (add it under notifications.addresses): not notified by email",
        "the address of voter 'gina' could not be looked up (user database locked)",
        "voter 'gina' has no email address (add it under notifications.addresses): not notified by email");
  }
}
