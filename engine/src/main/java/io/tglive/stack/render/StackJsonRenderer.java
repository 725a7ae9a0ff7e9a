package io.tglive.stack.render;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tglive.change.Reason;
import io.tglive.policy.GateRules;
import io.tglive.policy.RollbackRules;
import io.tglive.stack.ApprovalPolicy;
import io.tglive.stack.StackResult;
import io.tglive.stack.StackUnit;
import io.tglive.report.JsonDocument;
import java.io.IOException;

/**
 * The stack as one JSON document with a fixed key order, documented in {@code docs/change-detection.md}:
 * {@code base}, {@code head}, {@code diff}, {@code units}, {@code unmapped}, {@code ignored},
 * {@code excluded}, {@code unresolved} (with each {@code reason}), {@code missing}, {@code complete},
 * {@code order}. Every list is sorted, so equal stacks give equal bytes.
 */
public final class StackJsonRenderer {

  private StackJsonRenderer() {}

  /** The JSON text of the result, ending with a newline. */
  public static String render(StackResult result) {
    return JsonDocument.write(json -> {
      json.writeStartObject();
      json.writeStringField("base", result.base());
      json.writeStringField("head", result.head());
      json.writeStringField("diff", result.diff().label());
      json.writeArrayFieldStart("units");
      for (StackUnit unit : result.stack().units().values()) {
        writeUnit(json, unit);
      }
      json.writeEndArray();
      json.writeFieldName("unmapped");
      JsonDocument.writeStrings(json, result.unmapped());
      json.writeFieldName("ignored");
      JsonDocument.writeStrings(json, result.ignored());
      json.writeFieldName("excluded");
      JsonDocument.writeStrings(json, result.excluded());
      json.writeArrayFieldStart("unresolved");
      for (StackResult.Unresolved edge : result.unresolved()) {
        json.writeStartObject();
        json.writeStringField("unit", edge.unit());
        json.writeStringField("tree", edge.tree());
        json.writeStringField("file", edge.file());
        json.writeNumberField("line", edge.line());
        json.writeStringField("expression", edge.expression());
        json.writeStringField("reason", edge.reason());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeFieldName("missing");
      JsonDocument.writeStrings(json, result.missing());
      json.writeBooleanField("complete", result.complete());
      JsonDocument.writeLevels(json, "order", result.stack().order());
      json.writeEndObject();
    });
  }

  /** The account's finer approval rules, when not the defaults (so a stack read back keeps them). */
  private static void writeRules(JsonGenerator json, GateRules rules) throws IOException {
    json.writeObjectFieldStart("rules");
    json.writeBooleanField("allowSelfApproval", rules.allowSelfApproval());
    writeCount(json, "destroyApprovalsRequired", rules.destroyApprovalsRequired());
    writeCount(json, "newProviderApprovalsRequired", rules.newProviderApprovalsRequired());
    json.writeStringField("gateTimeout", rules.timeout());
    RollbackRules rollback = rules.rollback();
    json.writeObjectFieldStart("rollback");
    json.writeFieldName("voters");
    if (rollback.voters() == null) {
      json.writeNull();
    } else {
      JsonDocument.writeStrings(json, rollback.voters());
    }
    writeCount(json, "approvalsRequired", rollback.approvalsRequired());
    writeCount(json, "rejectionsRequired", rollback.rejectionsRequired());
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void writeCount(JsonGenerator json, String name, Integer count) throws IOException {
    if (count == null) {
      json.writeNullField(name);
    } else {
      json.writeNumberField(name, count);
    }
  }

  private static void writeUnit(JsonGenerator json, StackUnit unit) throws IOException {
    json.writeStartObject();
    json.writeStringField("path", unit.path());
    json.writeStringField("action", unit.action().label());
    json.writeFieldName("reasons");
    JsonDocument.writeStrings(json, unit.reasons().stream().map(Reason::toString).toList());
    json.writeStringField("account", unit.account());
    ApprovalPolicy policy = unit.policy();
    json.writeObjectFieldStart("policy");
    json.writeFieldName("voters");
    JsonDocument.writeStrings(json, policy.voters());
    json.writeNumberField("approvalsRequired", policy.approvalsRequired());
    json.writeNumberField("rejectionsRequired", policy.rejectionsRequired());
    if (!policy.rules().equals(GateRules.DEFAULT)) {
      writeRules(json, policy.rules());
    }
    json.writeEndObject();
    json.writeFieldName("dependencies");
    JsonDocument.writeStrings(json, unit.dependencies());
    json.writeFieldName("dependents");
    JsonDocument.writeStrings(json, unit.dependents());
    json.writeFieldName("after");
    JsonDocument.writeStrings(json, unit.after());
    json.writeNumberField("wave", unit.wave());
    json.writeNumberField("criticalPath", unit.criticalPath());
    json.writeEndObject();
  }

}
