package io.tglive.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;

/**
 * Writes the JSON documents the engine prints: two-space indentation, {@code "key": value}, empty
 * lists as {@code []}, a final newline. Callers write keys in a fixed order and sorted lists, so
 * equal inputs give equal bytes.
 */
public final class JsonDocument {

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final DefaultIndenter INDENTER = new DefaultIndenter("  ", "\n");
  private static final DefaultPrettyPrinter PRINTER =
      new DefaultPrettyPrinter(
              Separators.createDefaultInstance()
                  .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                  .withArrayEmptySeparator("")
                  .withObjectEmptySeparator(""))
          .withArrayIndenter(INDENTER)
          .withObjectIndenter(INDENTER);

  private JsonDocument() {}

  /** What writes the content of one document. */
  @FunctionalInterface
  public interface Content {
    void write(JsonGenerator json) throws IOException;
  }

  /** The text of the document the content writes, ending with a newline. */
  public static String write(Content content) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.setPrettyPrinter(PRINTER);
      content.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a string cannot fail", e);
    }
    return out.append('\n').toString();
  }

  /** A JSON array of strings, in the collection's order. */
  public static void writeStrings(JsonGenerator json, Collection<String> values) throws IOException {
    json.writeStartArray();
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }

  /** The field {@code name} holding levels of units as an array of string arrays. */
  public static void writeLevels(JsonGenerator json, String name, List<List<String>> levels) throws IOException {
    json.writeArrayFieldStart(name);
    for (List<String> level : levels) {
      writeStrings(json, level);
    }
    json.writeEndArray();
  }
}
