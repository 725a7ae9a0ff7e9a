package io.tglive.approval.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tglive.policy.NotificationRules;
import io.tglive.run.terragrunt.PlanSummary;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * POSTs a gate notice as JSON to a webhook. The {@code text} field holds the whole message, so a
 * Slack (or Mattermost, Teams workflow) incoming webhook shows it as it is; the other fields give
 * the same facts for programs. Any answer but 2xx is a failure, tried again by the dispatcher.
 */
public final class WebhookChannel implements NoticeChannel {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Most characters of an error answer quoted in the log. */
  static final int MAX_ANSWER = 200;

  private final URI url;
  private final Duration timeout;
  private final HttpClient client;

  /** @param url the webhook, which may carry a token: it is never printed */
  public WebhookChannel(URI url, Duration timeout) {
    this.url = url;
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @Override
  public String name() {
    return "webhook " + NotificationRules.redactUrl(url.toString());
  }

  @Override
  public Optional<Delivery> prepare(GateNotice notice) {
    byte[] body = payload(notice).toString().getBytes(StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
        .header("Content-Type", "application/json; charset=utf-8")
        .header("User-Agent", "tglive")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    return Optional.of(() -> post(request));
  }

  private void post(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() / 100 != 2) {
      String answer = response.body() == null ? "" : response.body().strip();
      throw new IOException("the webhook answered HTTP " + response.statusCode()
          + (answer.isEmpty() ? "" : ": " + answer.substring(0, Math.min(MAX_ANSWER, answer.length()))));
    }
  }

  /** The JSON sent: {@code text} for chat webhooks, then the structured facts. */
  static ObjectNode payload(GateNotice notice) {
    NoticeText text = new NoticeText(notice);
    ObjectNode root = JSON.createObjectNode();
    root.put("text", slackEscape(text.subject() + "\n" + text.plain()));
    root.put("event", "gate_opened");
    root.put("run", notice.runId());
    root.put("unit", notice.unit());
    root.put("account", notice.account().orElse(null));
    root.put("change", notice.change());
    root.put("commit", notice.commit());
    PlanSummary plan = notice.plan();
    ObjectNode planNode = root.putObject("plan");
    planNode.put("hash", plan.hash());
    planNode.put("create", plan.create());
    planNode.put("update", plan.update());
    planNode.put("delete", plan.delete());
    planNode.put("replace", plan.replace());
    ArrayNode changes = planNode.putArray("changes");
    plan.changes().forEach(changes::add);
    ArrayNode providers = planNode.putArray("providersAdded");
    plan.providersAdded().forEach(providers::add);
    ArrayNode voters = root.putArray("voters");
    notice.voters().forEach(voters::add);
    root.put("approvalPage", notice.approvalPage().map(URI::toString).orElse(null));
    return root;
  }

  /** Slack reads {@code &}, {@code <} and {@code >} as markup; it asks for them escaped so. */
  static String slackEscape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  @Override
  public String toString() {
    return "WebhookChannel[" + name() + "]";
  }
}
