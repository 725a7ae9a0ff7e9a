package io.tglive.config;

import io.tglive.config.Value.BoolValue;
import io.tglive.config.Value.ListValue;
import io.tglive.config.Value.NullValue;
import io.tglive.config.Value.NumberValue;
import io.tglive.config.Value.ObjectValue;
import io.tglive.config.Value.SetValue;
import io.tglive.config.Value.StringValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * {@code yamldecode} and {@code yamlencode}. Decoding resolves anchors and aliases ({@code *lead}
 * is the anchored value, never the name) and refuses documents whose expansion would exceed
 * {@link #MAX_EXPANDED_NODES} (the "billion laughs" attack) or that refer to themselves.
 */
final class YamlValues {

  /** The most nodes a decoded document may expand to once aliases are resolved. */
  static final int MAX_EXPANDED_NODES = 1_000_000;

  private YamlValues() {}

  static Value decode(Invocation c, String text) {
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setMaxAliasesForCollections(Integer.MAX_VALUE);
      options.setAllowRecursiveKeys(false);
      options.setCodePointLimit(EvaluationBudget.MAX_STRING_LENGTH);
      options.setNestingDepthLimit(256);
      Composer composer = new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options), new Resolver(), options);
      root = composer.getSingleNode();
    } catch (YAMLException e) {
      throw c.argumentError(0, "cannot decode YAML: " + oneLine(e.getMessage()));
    }
    if (root == null) {
      throw c.argumentError(0, "cannot decode YAML: missing start of document");
    }
    return new Expansion(c).value(root);
  }

  /** Turns a node graph into a value, counting every node visited through aliases. */
  private static final class Expansion {
    final Invocation call;
    final IdentityHashMap<Node, Boolean> active = new IdentityHashMap<>();
    long nodes;

    Expansion(Invocation call) {
      this.call = call;
    }

    Value value(Node node) {
      if (++nodes > MAX_EXPANDED_NODES) {
        throw EvaluationError.budget(EvaluationBudget.exceeded(
            "the YAML document expands to more than " + MAX_EXPANDED_NODES + " nodes through its aliases",
            "is it a \"billion laughs\" document?"));
      }
      if (node instanceof ScalarNode s) {
        return scalar(s);
      }
      if (active.put(node, Boolean.TRUE) != null) {
        throw call.argumentError(0, "cannot decode YAML: an alias refers to a collection containing it (line "
            + (node.getStartMark().getLine() + 1) + ")");
      }
      try {
        if (node instanceof SequenceNode seq) {
          List<Value> elements = new ArrayList<>(seq.getValue().size());
          for (Node child : seq.getValue()) {
            elements.add(value(child));
          }
          return Value.list(elements);
        }
        Map<String, Value> attributes = new LinkedHashMap<>();
        for (NodeTuple tuple : ((MappingNode) node).getValue()) {
          Value key = value(tuple.getKeyNode());
          if (tuple.getKeyNode().getTag().equals(Tag.MERGE) && tuple.getValueNode() instanceof MappingNode) {
            attributes.putAll(value(tuple.getValueNode()).asAttributes());
            continue;
          }
          String name;
          try {
            name = key.asString();
          } catch (EvaluationError e) {
            throw call.argumentError(0, "cannot decode YAML: a mapping key must be a string (line "
                + (tuple.getKeyNode().getStartMark().getLine() + 1) + ")");
          }
          attributes.put(name, value(tuple.getValueNode()));
        }
        return Value.object(attributes);
      } finally {
        active.remove(node);
      }
    }

    private Value scalar(ScalarNode s) {
      Tag tag = s.getTag();
      String text = s.getValue();
      if (tag.equals(Tag.NULL)) {
        return Value.NULL;
      }
      if (tag.equals(Tag.BOOL)) {
        return Value.bool(text.equalsIgnoreCase("true") || text.equalsIgnoreCase("yes") || text.equalsIgnoreCase("on") || text.equalsIgnoreCase("y"));
      }
      if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
        try {
          String digits = text.replace("_", "");
          if (digits.startsWith("0x") || digits.startsWith("-0x") || digits.startsWith("0o") || digits.startsWith("0b")) {
            boolean negative = digits.startsWith("-");
            String body = negative ? digits.substring(1) : digits;
            int radix = body.charAt(1) == 'x' ? 16 : body.charAt(1) == 'o' ? 8 : 2;
            java.math.BigInteger n = new java.math.BigInteger(body.substring(2), radix);
            return new NumberValue(new BigDecimal(negative ? n.negate() : n));
          }
          return new NumberValue(new BigDecimal(digits));
        } catch (NumberFormatException | ArithmeticException e) {
          return Value.string(text);
        }
      }
      return Value.string(text);
    }
  }

  private static String oneLine(String message) {
    return message == null ? "invalid YAML" : message.replaceAll("\\s*\\n\\s*", " ").strip();
  }

  /** cty-yaml's block style: strings double-quoted (literal blocks when multi-line), keys sorted. */
  static String encode(Value v) {
    StringBuilder out = new StringBuilder();
    emit(v, 0, out, false);
    if (out.length() == 0 || out.charAt(out.length() - 1) != '\n') {
      out.append('\n');
    }
    return out.toString();
  }

  private static void emit(Value v, int indent, StringBuilder out, boolean inline) {
    EvaluationBudget.checkString(out.length());
    if (v instanceof ObjectValue o && !o.attributes().isEmpty()) {
      boolean first = true;
      for (Map.Entry<String, Value> e : o.attributes().entrySet()) {
        if (!(first && inline)) {
          out.append(" ".repeat(indent));
        }
        first = false;
        out.append(CtyJson.quote(e.getKey())).append(':');
        Value child = e.getValue();
        if (isBlockCollection(child)) {
          out.append('\n');
          emit(child, child instanceof ObjectValue ? indent + 2 : indent, out, false);
        } else {
          out.append(' ');
          scalar(child, indent, out);
          out.append('\n');
        }
      }
    } else if ((v instanceof ListValue || v instanceof SetValue) && !v.asElements().isEmpty()) {
      boolean first = true;
      List<Value> elements = v instanceof SetValue s ? CtyJson.ordered(s) : v.asElements();
      for (Value child : elements) {
        if (!(first && inline)) {
          out.append(" ".repeat(indent));
        }
        first = false;
        out.append("- ");
        if (isBlockCollection(child)) {
          emit(child, indent + 2, out, true);
        } else {
          scalar(child, indent, out);
          out.append('\n');
        }
      }
    } else {
      scalar(v, indent, out);
      out.append('\n');
    }
  }

  private static boolean isBlockCollection(Value v) {
    return v instanceof ObjectValue o && !o.attributes().isEmpty()
        || (v instanceof ListValue || v instanceof SetValue) && !v.asElements().isEmpty();
  }

  private static void scalar(Value v, int indent, StringBuilder out) {
    if (v instanceof NullValue) {
      out.append("null");
    } else if (v instanceof BoolValue b) {
      out.append(b.value());
    } else if (v instanceof NumberValue n) {
      out.append(n.value().toPlainString());
    } else if (v instanceof StringValue s) {
      String text = s.value();
      if (text.contains("\n")) {
        String chomp = text.endsWith("\n") ? (text.endsWith("\n\n") ? "+" : "") : "-";
        out.append('|').append(chomp);
        String body = chomp.isEmpty() || chomp.equals("+") ? text.substring(0, text.length() - 1) : text;
        for (String line : body.split("\n", -1)) {
          out.append('\n');
          if (!line.isEmpty()) {
            out.append(" ".repeat(Math.max(indent, 0) + 2)).append(line);
          }
        }
      } else {
        out.append(CtyJson.quote(text));
      }
    } else if (v instanceof ObjectValue) {
      out.append("{}");
    } else {
      out.append("[]");
    }
  }
}
