package io.tglive.approval.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tglive.policy.NotificationSettings;
import io.tglive.policy.WebhookSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook channel against a local HTTP server started by the test. */
class WebhookNotificationTest {

  private static final String TOKEN = "T000/B000/XyZsecretToken42";
  private static final RetrySchedule FAST = new RetrySchedule(3, Duration.ofMillis(10), Duration.ofMillis(40));

  private final LogLines log = new LogLines();
  private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private HttpServer server;
  private CountDownLatch release;

  private record Request(String method, String contentType, String body) {}

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/services/", this::handle);
    server.start();
  }

  @AfterEach
  void stop() {
    if (release != null) {
      release.countDown();
    }
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Content-Type"), body));
    if (release != null) {
      try {
        release.await(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    boolean fail = failuresLeft.getAndDecrement() > 0;
    byte[] answer = (fail ? "internal error" : "ok").getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(fail ? 500 : 200, answer.length);
    exchange.getResponseBody().write(answer);
    exchange.close();
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/services/" + TOKEN;
  }

  private NotificationDispatcher notifier(String url, RetrySchedule retries) {
    return Notifications.from(new NotificationSettings(null, new WebhookSettings(null, "TGLIVE_WEBHOOK_URL", 5),
        Map.of()), Map.of("TGLIVE_WEBHOOK_URL", url), group -> Set.of(), log, retries, Duration.ofSeconds(30));
  }

  @Test
  void gateIsPostedAsJsonWithATextFieldAndTheFacts() throws Exception {
    try (NotificationDispatcher notifier = notifier(url(), FAST)) {
      notifier.gateOpened(Notices.notice(List.of("alice", "group:leads")));
    }

    Request request = requests.poll();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.contentType()).isEqualTo("application/json; charset=utf-8");
    JsonNode json = new ObjectMapper().readTree(request.body());
    assertThat(json.get("text").asText())
        .startsWith("Approval needed: live/prod/vpc (prod), PR #12\nA deployment waits for your approval.")
        .contains("Approve or reject: https://jenkins.example.com/job/live/12/tglive-gates/");
    assertThat(json.get("event").asText()).isEqualTo("gate_opened");
    assertThat(json.get("run").asText()).isEqualTo("20261130-101500-abc1234");
    assertThat(json.get("unit").asText()).isEqualTo("live/prod/vpc");
    assertThat(json.get("account").asText()).isEqualTo("prod");
    assertThat(json.get("change").asText()).isEqualTo("PR #12");
    assertThat(json.get("commit").asText()).isEqualTo("abc1234def5678abc1234def5678abc1234def56");
    assertThat(json.at("/plan/hash").asText()).isEqualTo(Notices.HASH);
    assertThat(json.at("/plan/create").asInt()).isEqualTo(1);
    assertThat(json.at("/plan/update").asInt()).isEqualTo(1);
    assertThat(json.at("/plan/changes").toString())
        .isEqualTo("[\"create random_pet.name\",\"update terraform_data.config\"]");
    assertThat(json.get("voters").toString()).isEqualTo("[\"alice\",\"group:leads\"]");
    assertThat(json.get("approvalPage").asText()).isEqualTo("https://jenkins.example.com/job/live/12/tglive-gates/");
    assertThat(requests).isEmpty();
    assertThat(log.lines()).isEmpty();
  }

  @Test
  void serverErrorIsRetriedUntilAccepted() throws Exception {
    failuresLeft.set(1);
    try (NotificationDispatcher notifier = notifier(url(), FAST)) {
      notifier.gateOpened(Notices.notice(List.of("alice")));
    }

    assertThat(requests).hasSize(2);
    assertThat(requests.stream().map(Request::body).distinct()).hasSize(1);
    assertThat(log.lines()).containsExactly("notifications: webhook http://127.0.0.1:" + server.getAddress().getPort()
        + "/… for live/prod/vpc: try 1 of 3 failed (IOException: the webhook answered HTTP 500: internal error); "
        + "trying again in 10 ms");
  }

  @Test
  void webhookThatIsDownIsLoggedAndGivenUp() throws Exception {
    String down = url();
    server.stop(0);
    try (NotificationDispatcher notifier = notifier(down, FAST)) {
      notifier.gateOpened(Notices.notice(List.of("alice")));
      log.await(line -> line.contains("gave up after 3 tries"));
    }

    assertThat(log.lines()).hasSize(3);
    assertThat(log.lines().get(2)).contains("ConnectException");
  }

  @Test
  void gateOpenedReturnsWhileTheWebhookHasNotAnswered() throws Exception {
    release = new CountDownLatch(1);
    try (NotificationDispatcher notifier = notifier(url(), FAST)) {
      notifier.gateOpened(Notices.notice(List.of("alice")));
      // the server holds the request until released: the run thread got here without waiting for it
      Request held = requests.poll(1, TimeUnit.MINUTES);
      assertThat(held).isNotNull();
      release.countDown();
    }
    assertThat(log.lines()).isEmpty();
  }

  @Test
  void webhookUrlAndItsTokenAreNeverLogged() throws Exception {
    failuresLeft.set(10);
    try (NotificationDispatcher notifier = notifier(url(), new RetrySchedule(2, Duration.ofMillis(5),
        Duration.ofMillis(5)))) {
      assertThat(notifier.channelNames()).containsExactly("webhook http://127.0.0.1:" + server.getAddress().getPort()
          + "/…");
      notifier.gateOpened(Notices.notice(List.of("alice")));
      log.await(line -> line.contains("gave up"));
    }

    assertThat(String.join("\n", log.lines())).doesNotContain("XyZsecretToken42").doesNotContain("/services/");
  }

  @Test
  void secretEchoedByTheServerIsMasked() {
    Redaction redaction = new Redaction(Notifications.secrets("pw-123", url()));

    assertThat(redaction.apply("HTTP 403: bad token at /services/" + TOKEN + "\nnext line, pw-123"))
        .isEqualTo("HTTP 403: bad token at " + Redaction.MASK + "\\nnext line, " + Redaction.MASK);
    assertThat(redaction.toString()).doesNotContain("pw-123").doesNotContain("XyZsecretToken42");
  }

  @Test
  void unsetOrInvalidUrlVariableTurnsTheWebhookOffWithoutQuotingIt() {
    try (NotificationDispatcher unset = notifier("", FAST);
        NotificationDispatcher invalid = notifier("hooks.example.com/" + TOKEN, FAST)) {
      assertThat(unset.channelNames()).isEmpty();
      assertThat(invalid.channelNames()).isEmpty();
    }

    assertThat(log.lines()).containsExactly(
        "notifications: the webhook is off: the variable TGLIVE_WEBHOOK_URL is not set",
        "notifications: the webhook is off: the variable TGLIVE_WEBHOOK_URL is not an absolute http or https URL "
            + "(not shown: it may hold a token)");
  }

  @Test
  void noticeAfterCloseIsLoggedNotThrown() {
    NotificationDispatcher notifier = notifier(url(), FAST);
    notifier.close();

    notifier.gateOpened(Notices.notice(List.of("alice")));

    assertThat(requests).isEmpty();
    assertThat(log.lines()).containsExactly("notifications: webhook http://127.0.0.1:" + server.getAddress().getPort()
        + "/… for live/prod/vpc: not sent: notifications are shut down");
  }
}
