package io.tglive.stack.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.tglive.change.Reason;
import io.tglive.stack.ApprovalPolicy;
import io.tglive.stack.StackResult;
import io.tglive.stack.StackUnit;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;

/**
 * The stack as one JSON document with a fixed key order, documented in {@code docs/change-detection.md}:
 * {@code base}, {@code head}, {@code diff}, {@code units}, {@code unmapped}, {@code ignored},
 * {@code unresolved}, {@code order}. Every list is sorted, so equal stacks give equal bytes.
 */
public final class StackJsonRenderer {

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final DefaultIndenter INDENTER = new DefaultIndenter("  ", "\n");
  private static final DefaultPrettyPrinter PRINTER =
      new DefaultPrettyPrinter(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
          .withArrayIndenter(INDENTER)
          .withObjectIndenter(INDENTER);

  private StackJsonRenderer() {}

  /** The JSON text of the result, ending with a newline. */
  public static String render(StackResult result) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.setPrettyPrinter(PRINTER);
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
      writeStrings(json, result.unmapped());
      json.writeFieldName("ignored");
      writeStrings(json, result.ignored());
      json.writeArrayFieldStart("unresolved");
      for (StackResult.Unresolved edge : result.unresolved()) {
        json.writeStartObject();
        json.writeStringField("unit", edge.unit());
        json.writeStringField("tree", edge.tree());
        json.writeStringField("file", edge.file());
        json.writeNumberField("line", edge.line());
        json.writeStringField("expression", edge.expression());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("order");
      for (List<String> level : result.stack().order()) {
        writeStrings(json, level);
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a string cannot fail", e);
    }
    return out.append('\n').toString();
  }

  private static void writeUnit(JsonGenerator json, StackUnit unit) throws IOException {
    json.writeStartObject();
    json.writeStringField("path", unit.path());
    json.writeStringField("action", unit.action().label());
    json.writeFieldName("reasons");
    writeStrings(json, unit.reasons().stream().map(Reason::toString).toList());
    json.writeStringField("account", unit.account());
    ApprovalPolicy policy = unit.policy();
    json.writeObjectFieldStart("policy");
    json.writeFieldName("voters");
    writeStrings(json, policy.voters());
    json.writeNumberField("approvalsRequired", policy.approvalsRequired());
    json.writeNumberField("rejectionsRequired", policy.rejectionsRequired());
    json.writeEndObject();
    json.writeFieldName("dependencies");
    writeStrings(json, unit.dependencies());
    json.writeFieldName("dependents");
    writeStrings(json, unit.dependents());
    json.writeFieldName("after");
    writeStrings(json, unit.after());
    json.writeNumberField("wave", unit.wave());
    json.writeNumberField("criticalPath", unit.criticalPath());
    json.writeEndObject();
  }

  private static void writeStrings(JsonGenerator json, Collection<String> values) throws IOException {
    json.writeStartArray();
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }
}
