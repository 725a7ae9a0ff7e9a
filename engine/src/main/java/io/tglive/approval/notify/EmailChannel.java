package io.tglive.approval.notify;

import io.tglive.policy.EmailSettings;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Sends one email per gate to all its voters over SMTP (Jakarta Mail): plain text and HTML
 * alternatives naming the unit, account, change, commit, plan and where to vote.
 */
public final class EmailChannel implements NoticeChannel {

  /** Longest wait to connect, and for each read or write. */
  static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final EmailSettings settings;
  private final String password;
  private final VoterAddresses addresses;
  private final Consumer<String> log;

  /**
   * @param password the password of {@code settings.username()}, null without a login; never printed
   * @param log      where voters without an address are reported
   */
  public EmailChannel(EmailSettings settings, String password, VoterAddresses addresses, Consumer<String> log) {
    this.settings = settings;
    this.password = password;
    this.addresses = addresses;
    this.log = log;
  }

  @Override
  public String name() {
    return "email via " + settings.host() + ":" + settings.port();
  }

  @Override
  public Optional<Delivery> prepare(GateNotice notice) {
    return prepare(notice, line -> { });
  }

  @Override
  public Optional<Delivery> prepare(GateNotice notice, Consumer<String> noticeLog) {
    Consumer<String> both = log.andThen(noticeLog);
    Set<String> to = addresses.resolve(notice.voters(), both);
    if (to.isEmpty()) {
      both.accept("no voter of " + NoticeText.line(notice.unit()) + " has an email address: no email sent");
      return Optional.empty();
    }
    return Optional.of(() -> Transport.send(message(notice, to)));
  }

  MimeMessage message(GateNotice notice, Set<String> to) throws MessagingException {
    NoticeText text = new NoticeText(notice);
    MimeMessage message = new MimeMessage(session());
    message.setFrom(new InternetAddress(settings.from(), true));
    for (String address : to) {
      message.addRecipient(Message.RecipientType.TO, new InternetAddress(address, true));
    }
    message.setSubject(text.subject(), "UTF-8");
    message.setSentDate(new Date());
    MimeBodyPart plain = new MimeBodyPart();
    plain.setText(text.plain(), "UTF-8", "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(text.html(), "UTF-8", "html");
    message.setContent(new MimeMultipart("alternative", plain, html));
    message.setHeader("Auto-Submitted", "auto-generated");
    message.saveChanges();
    return message;
  }

  private Session session() {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", settings.host());
    properties.put("mail.smtp.port", String.valueOf(settings.port()));
    String timeout = String.valueOf(TIMEOUT.toMillis());
    properties.put("mail.smtp.connectiontimeout", timeout);
    properties.put("mail.smtp.timeout", timeout);
    properties.put("mail.smtp.writetimeout", timeout);
    switch (settings.tls()) {
      case STARTTLS -> {
        properties.put("mail.smtp.starttls.enable", "true");
        properties.put("mail.smtp.starttls.required", "true");
        properties.put("mail.smtp.ssl.checkserveridentity", "true");
      }
      case TLS -> {
        properties.put("mail.smtp.ssl.enable", "true");
        properties.put("mail.smtp.ssl.checkserveridentity", "true");
      }
      case NONE -> { }
    }
    if (settings.username() == null) {
      return Session.getInstance(properties);
    }
    properties.put("mail.smtp.auth", "true");
    String user = settings.username();
    String secret = password;
    return Session.getInstance(properties, new jakarta.mail.Authenticator() {
      @Override
      protected jakarta.mail.PasswordAuthentication getPasswordAuthentication() {
        return new jakarta.mail.PasswordAuthentication(user, secret);
      }
    });
  }

  @Override
  public String toString() {
    return "EmailChannel[" + name() + (settings.username() == null ? "" : ", user " + settings.username()
        + ", password " + Redaction.MASK) + "]";
  }
}
