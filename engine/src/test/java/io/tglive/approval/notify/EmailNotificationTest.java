package io.tglive.approval.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.tglive.policy.EmailSettings;
import io.tglive.policy.NotificationSettings;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The email channel against a real SMTP server (GreenMail) started by the test. */
class EmailNotificationTest {

  private static final String PASSWORD = "s3cret-smtp-pass";

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withConfiguration(GreenMailConfiguration.aConfig().withUser("tglive@example.com", "tglive", PASSWORD));

  private final LogLines log = new LogLines();

  private static EmailSettings email(String username, String passwordEnv) {
    return new EmailSettings("127.0.0.1", SMTP.getSmtp().getPort(), "tglive@example.com", EmailSettings.Tls.NONE,
        username, passwordEnv);
  }

  private NotificationDispatcher notifier(Map<String, String> environment, Map<String, String> addresses,
      RetrySchedule retries) {
    return Notifications.from(new NotificationSettings(email("tglive", "TGLIVE_SMTP_PASSWORD"), null, addresses),
        environment, group -> group.equals("leads") ? Set.of("carol", "dave@example.com") : Set.of(), log, retries,
        Duration.ofSeconds(30));
  }

  @Test
  void votersGetOneMessageNamingUnitAccountChangePlanAndPage() throws Exception {
    try (NotificationDispatcher notifier = notifier(Map.of("TGLIVE_SMTP_PASSWORD", PASSWORD),
        Map.of("alice", "alice@example.com", "carol", "carol@example.org"), RetrySchedule.DEFAULT)) {
      notifier.gateOpened(Notices.notice(List.of("alice", "bob@example.com", "group:leads")));
    }

    MimeMessage[] received = SMTP.getReceivedMessages();
    // one message, delivered to each of the four recipients' mailboxes
    assertThat(received).hasSize(4);
    MimeMessage message = received[0];
    assertThat(Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Address::toString))
        .containsExactlyInAnyOrder("alice@example.com", "bob@example.com", "carol@example.org", "dave@example.com");
    assertThat(message.getFrom()[0].toString()).isEqualTo("tglive@example.com");
    assertThat(message.getSubject()).isEqualTo("Approval needed: live/prod/vpc (prod), PR #12");
    MimeMultipart parts = (MimeMultipart) message.getContent();
    assertThat(parts.getContentType()).startsWith("multipart/alternative");
    String plain = (String) parts.getBodyPart(0).getContent();
    assertThat(plain)
        .contains("Unit:      live/prod/vpc", "Account:   prod", "Change:    PR #12",
            "Commit:    abc1234def5678abc1234def5678abc1234def56", "Run:       20261130-101500-abc1234",
            "Plan:      1 to create, 1 to update, 0 to delete, 0 to replace", "Plan hash: " + Notices.HASH,
            "New providers: registry.opentofu.org/hashicorp/random",
            "  create random_pet.name", "  update terraform_data.config",
            "Approve or reject: https://jenkins.example.com/job/live/12/tglive-gates/");
    String html = (String) parts.getBodyPart(1).getContent();
    assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
    assertThat(html).contains("<a href=\"https://jenkins.example.com/job/live/12/tglive-gates/\">Approve or reject</a>");
    assertThat(log.lines()).isEmpty();
  }

  @Test
  void voterWithoutAddressIsLoggedAndTheOthersAreStillTold() throws Exception {
    try (NotificationDispatcher notifier = notifier(Map.of("TGLIVE_SMTP_PASSWORD", PASSWORD),
        Map.of("alice", "alice@example.com"), RetrySchedule.DEFAULT)) {
      notifier.gateOpened(Notices.notice(List.of("alice", "zed", "group:nobody")));
    }

    assertThat(SMTP.getReceivedMessages()).hasSize(1);
    assertThat(GreenMailUtil.getAddressList(SMTP.getReceivedMessages()[0].getAllRecipients()))
        .isEqualTo("alice@example.com");
    assertThat(log.lines()).containsExactly(
        "voter 'zed' has no email address (add it under notifications.addresses): not notified by email",
        "group 'nobody': it has no members known here: nobody of it is notified by email (give it a fallback "
            + "address under notifications.addresses as group:nobody)");
  }

  @Test
  void aGroupThatCannotBeListedIsToldThroughItsFallbackAndTheGatesLogSaysSo() throws Exception {
    LogLines buildLog = new LogLines();
    try (NotificationDispatcher notifier = notifier(Map.of("TGLIVE_SMTP_PASSWORD", PASSWORD),
        Map.of("alice", "alice@example.com", "group:platform", "platform@example.com"), RetrySchedule.DEFAULT)) {
      notifier.gateOpened(Notices.notice(List.of("alice", "group:platform")), buildLog);
    }

    assertThat(SMTP.getReceivedMessages()).hasSize(2);
    assertThat(GreenMailUtil.getAddressList(SMTP.getReceivedMessages()[0].getAllRecipients()))
        .isEqualTo("alice@example.com, platform@example.com");
    assertThat(buildLog.lines()).containsExactly("group 'platform': it has no members known here: notifying its "
        + "address platform@example.com (notifications.addresses)");
  }

  @Test
  void gateWhoseVotersHaveNoAddressSendsNothingAndSaysSo() throws Exception {
    try (NotificationDispatcher notifier = notifier(Map.of("TGLIVE_SMTP_PASSWORD", PASSWORD), Map.of(),
        RetrySchedule.DEFAULT)) {
      notifier.gateOpened(Notices.notice(List.of("zed")));
    }

    assertThat(SMTP.getReceivedMessages()).isEmpty();
    assertThat(log.lines()).contains("no voter of live/prod/vpc has an email address: no email sent");
  }

  @Test
  void refusedLoginIsRetriedThenGivenUpWithoutPrintingThePassword() throws Exception {
    String wrong = "wrong-pass-7781";
    try (NotificationDispatcher notifier = notifier(Map.of("TGLIVE_SMTP_PASSWORD", wrong),
        Map.of("alice", "alice@example.com"), new RetrySchedule(3, Duration.ofMillis(10), Duration.ofMillis(40)))) {
      notifier.gateOpened(Notices.notice(List.of("alice")));
      log.await(line -> line.contains("gave up after 3 tries"));
    }

    assertThat(SMTP.getReceivedMessages()).isEmpty();
    assertThat(log.lines()).filteredOn(line -> line.contains("failed")).hasSize(2);
    assertThat(log.lines().get(0))
        .startsWith("notifications: email via 127.0.0.1:" + SMTP.getSmtp().getPort() + " for live/prod/vpc: try 1 of 3 failed (")
        .contains("AuthenticationFailedException")
        .endsWith("); trying again in 10 ms");
    assertThat(String.join("\n", log.lines())).doesNotContain(wrong);
  }

  @Test
  void missingPasswordVariableTurnsEmailOffWithoutStoppingAnything() {
    try (NotificationDispatcher notifier = notifier(Map.of(), Map.of("alice", "alice@example.com"),
        RetrySchedule.DEFAULT)) {
      assertThat(notifier.channelNames()).isEmpty();
      notifier.gateOpened(Notices.notice(List.of("alice")));
    }

    assertThat(log.lines()).containsExactly(
        "notifications: email is off: the variable TGLIVE_SMTP_PASSWORD that holds the SMTP password is not set");
    assertThat(SMTP.getReceivedMessages()).isEmpty();
  }

  @Test
  void serverThatIsDownIsLoggedAndTheRunGoesOn() throws Exception {
    EmailSettings closedPort = new EmailSettings("127.0.0.1", unusedPort(), "tglive@example.com",
        EmailSettings.Tls.NONE, null, null);
    try (NotificationDispatcher notifier = Notifications.from(new NotificationSettings(closedPort, null, Map.of()),
        Map.of(), group -> Set.of(), log, new RetrySchedule(2, Duration.ofMillis(5), Duration.ofMillis(5)),
        Duration.ofSeconds(30))) {
      notifier.gateOpened(Notices.notice(List.of("bob@example.com")));
      log.await(line -> line.contains("gave up after 2 tries"));
    }
    assertThat(log.lines().get(log.lines().size() - 1)).contains("MailConnectException");
  }

  private static int unusedPort() throws Exception {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
