package io.tglive.preview.render;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tglive.preview.PreviewSummary;
import io.tglive.preview.PreviewUnit;
import io.tglive.queue.QueuePosition;
import io.tglive.report.JsonDocument;
import io.tglive.run.terragrunt.PlanSummary;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The preview as one JSON document with a fixed key order, documented in {@code docs/preview.md}:
 * {@code base}, {@code head}, {@code revisions}, {@code headline}, {@code ok}, {@code complete},
 * {@code units} (deploy order), {@code incomplete}, {@code warnings}, {@code elapsedMillis},
 * {@code planMillis}.
 */
public final class PreviewJson {

  private PreviewJson() {}

  /**
   * A document {@link #render} wrote, as plain JDK values (maps keeping the key order, lists,
   * strings, numbers, booleans, null): what a Pipeline step may return.
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> read(String json) {
    try {
      return new ObjectMapper().readValue(json, LinkedHashMap.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a preview document: " + e.getMessage(), e);
    }
  }

  /** The JSON text of the summary, ending with a newline. */
  public static String render(PreviewSummary summary) {
    return render(summary, null);
  }

  /**
   * The JSON text of the summary with a last key, {@code queue}: where the pull request waits in its deploy
   * queue ({@code name}, {@code pr}, {@code state}, {@code position} (0: deploying), {@code waiting},
   * {@code behind} (a pull request number or null), {@code text}), or null when it is not queued.
   */
  public static String render(PreviewSummary summary, QueuePosition queue) {
    return JsonDocument.write(json -> {
      json.writeStartObject();
      json.writeStringField("base", summary.base());
      json.writeStringField("head", summary.head());
      json.writeStringField("revisions", summary.revisions());
      json.writeStringField("headline", summary.headline());
      json.writeBooleanField("ok", summary.ok());
      json.writeBooleanField("complete", summary.complete());
      json.writeArrayFieldStart("units");
      for (PreviewUnit unit : summary.units()) {
        writeUnit(json, unit);
      }
      json.writeEndArray();
      json.writeFieldName("incomplete");
      JsonDocument.writeStrings(json, summary.incompleteness());
      json.writeFieldName("warnings");
      JsonDocument.writeStrings(json, summary.warnings());
      json.writeNumberField("elapsedMillis", summary.elapsed().toMillis());
      json.writeNumberField("planMillis", summary.planTime().toMillis());
      if (queue != null) {
        json.writeObjectFieldStart("queue");
        for (Map.Entry<String, Object> field : queue.toMap().entrySet()) {
          if (field.getValue() == null) {
            json.writeNullField(field.getKey());
          } else if (field.getValue() instanceof Integer number) {
            json.writeNumberField(field.getKey(), number);
          } else {
            json.writeStringField(field.getKey(), field.getValue().toString());
          }
        }
        json.writeEndObject();
      }
      json.writeEndObject();
    });
  }

  private static void writeUnit(JsonGenerator json, PreviewUnit unit) throws IOException {
    json.writeStartObject();
    json.writeStringField("path", unit.path());
    json.writeStringField("action", unit.action().label());
    json.writeStringField("status", unit.status().key());
    json.writeStringField("outcome", unit.outcome());
    json.writeFieldName("reasons");
    JsonDocument.writeStrings(json, unit.reasons());
    json.writeStringField("account", unit.account());
    json.writeObjectFieldStart("gate");
    json.writeBooleanField("required", unit.gated());
    json.writeFieldName("voters");
    JsonDocument.writeStrings(json, unit.policy().voters());
    json.writeNumberField("approvalsRequired", unit.policy().approvalsRequired());
    json.writeNumberField("rejectionsRequired", unit.policy().rejectionsRequired());
    json.writeStringField("text", unit.gate());
    json.writeEndObject();
    if (unit.plan() == null) {
      json.writeNullField("plan");
    } else {
      writePlan(json, unit.plan());
    }
    json.writeFieldName("waitingFor");
    JsonDocument.writeStrings(json, unit.waitingFor());
    json.writeStringField("message", unit.message());
    json.writeNumberField("elapsedMillis", unit.elapsed().toMillis());
    json.writeEndObject();
  }

  private static void writePlan(JsonGenerator json, PlanSummary plan) throws IOException {
    json.writeObjectFieldStart("plan");
    json.writeNumberField("create", plan.create());
    json.writeNumberField("update", plan.update());
    json.writeNumberField("delete", plan.delete());
    json.writeNumberField("replace", plan.replace());
    json.writeFieldName("changes");
    JsonDocument.writeStrings(json, plan.changes());
    json.writeFieldName("outputs");
    JsonDocument.writeStrings(json, plan.outputs());
    json.writeStringField("hash", plan.hash());
    json.writeEndObject();
  }
}
