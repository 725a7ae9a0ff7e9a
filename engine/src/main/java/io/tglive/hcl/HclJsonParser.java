package io.tglive.hcl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * HCL's JSON syntax ({@code terragrunt.hcl.json}, any {@code *.hcl.json}), parsed into the same
 * {@link Body}/{@link Block}/{@link Attribute}/{@link Expression} tree as native syntax, following
 * HashiCorp's JSON specification: strings are templates ({@code "${local.x}"}), arrays are tuples,
 * objects are object constructors, blocks nest one object level per label, a block may be given as
 * an array of bodies, and a {@code "//"} property in a body is a comment. Which properties are
 * blocks comes from Terragrunt's schema ({@link #BLOCKS}); every other property is an attribute.
 */
public final class HclJsonParser {

  /** Terragrunt's block types and their label counts, by enclosing block type ("" for the file). */
  private static final Map<String, Map<String, Integer>> BLOCKS = Map.of(
      "", Map.ofEntries(
          Map.entry("locals", 0), Map.entry("include", 1), Map.entry("dependency", 1),
          Map.entry("dependencies", 0), Map.entry("terraform", 0), Map.entry("remote_state", 0),
          Map.entry("generate", 1), Map.entry("feature", 1), Map.entry("exclude", 0),
          Map.entry("errors", 0), Map.entry("engine", 0), Map.entry("catalog", 0),
          Map.entry("unit", 1), Map.entry("stack", 1)),
      "terraform", Map.of("extra_arguments", 1, "before_hook", 1, "after_hook", 1, "error_hook", 1),
      "errors", Map.of("retry", 1, "ignore", 1));

  /** Block types whose bodies only hold attributes, whatever their names. */
  private static final Set<String> ATTRIBUTE_BODIES = Set.of("locals", "inputs");

  private final SourceText src;
  private final HclParser templates;
  private final char[] chars;
  private int pos;

  private HclJsonParser(String fileName, String source) {
    this.src = new SourceText(fileName, source);
    this.templates = new HclParser(src);
    this.chars = src.chars;
    this.pos = chars.length > 0 && chars[0] == '\uFEFF' ? 1 : 0;
  }

  /** Parses a JSON-syntax file; the only exception thrown for bad input is {@link HclSyntaxException}. */
  public static HclFile parse(String fileName, String source) {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(source, "source");
    HclJsonParser parser = new HclJsonParser(fileName, source);
    try {
      Json root = parser.value(0);
      parser.skipSpace();
      if (parser.pos < parser.chars.length) {
        throw parser.src.error(parser.pos, "unexpected " + parser.describe() + " after the JSON value");
      }
      if (!(root instanceof JsonObject object)) {
        throw parser.src.error(root.start(), "the root of an HCL JSON file must be an object");
      }
      return new HclFile(fileName, source, parser.body(List.of(object), "", root.start(), root.end()));
    } catch (StackOverflowError e) {
      throw parser.src.error(Math.min(parser.pos, source.length()), "nesting too deep to parse (limit " + HclParser.MAX_DEPTH + ")");
    }
  }

  // ---------------------------------------------------------------- JSON values with positions

  private sealed interface Json {
    int start();

    int end();
  }

  private record JsonString(String text, boolean plain, int start, int end) implements Json {}

  private record JsonNumber(BigDecimal value, int start, int end) implements Json {}

  private record JsonLiteral(String word, int start, int end) implements Json {}

  private record JsonArray(List<Json> items, int start, int end) implements Json {}

  private record Property(JsonString name, Json value) {}

  private record JsonObject(List<Property> properties, int start, int end) implements Json {}

  private Json value(int depth) {
    if (depth > HclParser.MAX_DEPTH) {
      throw src.error(pos, "nesting too deep (limit " + HclParser.MAX_DEPTH + ")");
    }
    skipSpace();
    if (pos >= chars.length) {
      throw src.error(pos, "unexpected end of file : expected a JSON value");
    }
    char c = chars[pos];
    return switch (c) {
      case '{' -> object(depth);
      case '[' -> array(depth);
      case '"' -> string();
      case 't', 'f', 'n' -> literal();
      default -> {
        if (c == '-' || c >= '0' && c <= '9') {
          yield number();
        }
        throw src.error(pos, "unexpected " + describe() + " : expected a JSON value");
      }
    };
  }

  private JsonObject object(int depth) {
    int start = pos++;
    List<Property> properties = new ArrayList<>();
    skipSpace();
    if (peek() == '}') {
      pos++;
      return new JsonObject(properties, start, pos);
    }
    while (true) {
      skipSpace();
      if (peek() != '"') {
        throw src.error(pos, "unexpected " + describe() + " : expected a property name in quotes");
      }
      JsonString name = string();
      skipSpace();
      expect(':', "expected \":\" after the property name");
      properties.add(new Property(name, value(depth + 1)));
      skipSpace();
      if (peek() == ',') {
        pos++;
        continue;
      }
      expect('}', "expected \",\" or \"}\" in the object");
      return new JsonObject(properties, start, pos);
    }
  }

  private JsonArray array(int depth) {
    int start = pos++;
    List<Json> items = new ArrayList<>();
    skipSpace();
    if (peek() == ']') {
      pos++;
      return new JsonArray(items, start, pos);
    }
    while (true) {
      items.add(value(depth + 1));
      skipSpace();
      if (peek() == ',') {
        pos++;
        continue;
      }
      expect(']', "expected \",\" or \"]\" in the array");
      return new JsonArray(items, start, pos);
    }
  }

  /** A JSON string; {@code plain} when it has no escapes, so its value is its source text. */
  private JsonString string() {
    int start = pos++;
    StringBuilder text = new StringBuilder();
    boolean plain = true;
    while (true) {
      if (pos >= chars.length || chars[pos] == '\n') {
        throw src.error(start, "unterminated string");
      }
      char c = chars[pos++];
      if (c == '"') {
        return new JsonString(text.toString(), plain, start, pos);
      }
      if (c < 0x20) {
        throw src.error(pos - 1, "control character in a JSON string; escape it");
      }
      if (c != '\\') {
        text.append(c);
        continue;
      }
      plain = false;
      char e = pos < chars.length ? chars[pos++] : '\0';
      switch (e) {
        case '"' -> text.append('"');
        case '\\' -> text.append('\\');
        case 'n' -> text.append('\n');
        case 'r' -> text.append('\r');
        case 't' -> text.append('\t');
        case '/' -> text.append('/');
        case 'b' -> text.append('\b');
        case 'f' -> text.append('\f');
        case 'u' -> {
          if (pos + 4 > chars.length) {
            throw src.error(pos - 2, "invalid \\u escape");
          }
          int code;
          try {
            code = Integer.parseInt(new String(chars, pos, 4), 16);
          } catch (NumberFormatException ex) {
            throw src.error(pos - 2, "invalid \\u escape");
          }
          pos += 4;
          text.append((char) code);
        }
        default -> throw src.error(pos - 2, "invalid escape sequence \\" + e);
      }
    }
  }

  private JsonNumber number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    while (pos < chars.length && "0123456789.eE+-".indexOf(chars[pos]) >= 0) {
      pos++;
    }
    String text = new String(chars, start, pos - start);
    if (!text.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
      throw src.error(start, "invalid number " + text);
    }
    try {
      return new JsonNumber(new BigDecimal(text), start, pos);
    } catch (NumberFormatException | ArithmeticException e) {
      throw src.error(start, "invalid number " + text);
    }
  }

  private JsonLiteral literal() {
    int start = pos;
    for (String word : new String[] {"true", "false", "null"}) {
      if (src.text(start, Math.min(chars.length, start + word.length())).equals(word)) {
        pos += word.length();
        return new JsonLiteral(word, start, pos);
      }
    }
    throw src.error(start, "unexpected " + describe() + " : expected a JSON value");
  }

  private void skipSpace() {
    while (pos < chars.length && (chars[pos] == ' ' || chars[pos] == '\t' || chars[pos] == '\n' || chars[pos] == '\r')) {
      pos++;
    }
  }

  private char peek() {
    return pos < chars.length ? chars[pos] : '\0';
  }

  private void expect(char c, String expectation) {
    if (peek() != c) {
      throw src.error(pos, "unexpected " + describe() + " : " + expectation);
    }
    pos++;
  }

  private String describe() {
    return pos >= chars.length ? "end of file" : "\"" + chars[pos] + "\"";
  }

  // ---------------------------------------------------------------- HCL structure

  /** A body from one or more JSON objects (a body given as an array of objects is merged in order). */
  private Body body(List<JsonObject> objects, String blockType, int start, int end) {
    Map<String, Integer> blockTypes = ATTRIBUTE_BODIES.contains(blockType) ? Map.of() : BLOCKS.getOrDefault(blockType, Map.of());
    List<Attribute> attributes = new ArrayList<>();
    List<Block> blocks = new ArrayList<>();
    Map<String, Attribute> seen = new HashMap<>();
    for (JsonObject object : objects) {
      for (Property property : object.properties()) {
        String name = property.name().text();
        if (name.equals("//")) {
          continue;
        }
        Integer labels = blockTypes.get(name);
        if (labels != null) {
          if (name.equals("include") && blockType.isEmpty() && isBareInclude(property.value())) {
            labels = 0;
          }
          blocks(name, labels, new ArrayList<>(), property.value(), property.name().start(), blocks);
          continue;
        }
        Attribute attribute = new Attribute(name, expression(property.value()),
            src.range(property.name().start(), property.value().end()));
        Attribute first = seen.putIfAbsent(name, attribute);
        if (first != null) {
          throw src.error(property.name().start(), "duplicate attribute \"" + name + "\" on line "
              + attribute.range().start().line() + "; first defined on line " + first.range().start().line());
        }
        attributes.add(attribute);
      }
    }
    return new Body(attributes, blocks, src.range(start, end));
  }

  /** Terragrunt's rule: an include whose value has a string {@code path} is a bare include. */
  private static boolean isBareInclude(Json value) {
    Json single = value instanceof JsonArray a && a.items().size() == 1 ? a.items().get(0) : value;
    return single instanceof JsonObject o && o.properties().stream()
        .anyMatch(p -> p.name().text().equals("path") && p.value() instanceof JsonString);
  }

  /** Blocks of {@code type} from {@code value}: one object level per remaining label, then bodies. */
  private void blocks(String type, int labelsLeft, List<String> labels, Json value, int typeStart, List<Block> out) {
    if (labelsLeft > 0) {
      for (JsonObject level : objects(value, type, "an object of labels")) {
        for (Property property : level.properties()) {
          List<String> more = new ArrayList<>(labels);
          more.add(property.name().text());
          blocks(type, labelsLeft - 1, more, property.value(), typeStart, out);
        }
      }
      return;
    }
    for (JsonObject body : objects(value, type, "a block body object")) {
      out.add(new Block(type, labels, body(List.of(body), type, body.start(), body.end()), src.range(typeStart, body.end())));
    }
  }

  private List<JsonObject> objects(Json value, String type, String what) {
    if (value instanceof JsonObject o) {
      return List.of(o);
    }
    if (value instanceof JsonArray a) {
      List<JsonObject> all = new ArrayList<>();
      for (Json item : a.items()) {
        if (!(item instanceof JsonObject o)) {
          throw src.error(item.start(), "the block \"" + type + "\" needs " + what + " here");
        }
        all.add(o);
      }
      return all;
    }
    throw src.error(value.start(), "the block \"" + type + "\" needs " + what + " here");
  }

  // ---------------------------------------------------------------- expressions

  private Expression expression(Json value) {
    SourceRange range = src.range(value.start(), value.end());
    if (value instanceof JsonString s) {
      return template(s);
    }
    if (value instanceof JsonNumber n) {
      return new Expression.NumberLiteral(n.value(), range);
    }
    if (value instanceof JsonLiteral l) {
      return switch (l.word()) {
        case "true" -> new Expression.BoolLiteral(true, range);
        case "false" -> new Expression.BoolLiteral(false, range);
        default -> new Expression.NullLiteral(range);
      };
    }
    if (value instanceof JsonArray a) {
      List<Expression> items = new ArrayList<>(a.items().size());
      a.items().forEach(item -> items.add(expression(item)));
      return new Expression.TupleCons(items, range);
    }
    JsonObject o = (JsonObject) value;
    List<Expression.ObjectItem> items = new ArrayList<>();
    for (Property property : o.properties()) {
      items.add(new Expression.ObjectItem(template(property.name()), expression(property.value())));
    }
    return new Expression.ObjectCons(items, range);
  }

  /**
   * A JSON string as a template, parsed from its value in template-file mode as HCL does. Without
   * escapes the value is the source text, parsed in place with exact ranges; with escapes the value
   * is parsed on its own and every range inside it is the whole string's.
   */
  private Expression.Template template(JsonString s) {
    if (s.plain()) {
      return templates.bareTemplate(s.start(), s.start() + 1, s.end() - 1);
    }
    SourceText embedded = src.embedded(s.text(), s.start(), s.end());
    return new HclParser(embedded).bareTemplate(0, 0, s.text().length());
  }
}
