package io.tglive.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tglive.config.Value.NumberValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

/** Terraform's encoding functions: JSON, YAML, CSV, base64, URL, hashes and {@code uuidv5}. */
final class EncodingFunctions {

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  static {
    JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxStringLength(EvaluationBudget.MAX_STRING_LENGTH)
        .maxNestingDepth(256)
        .build());
  }

  private EncodingFunctions() {}

  static void register(FunctionTable t) {
    t.terraform("jsonencode", c -> {
      c.expectArgs(1, 1);
      return Value.string(CtyJson.encode(c.arg(0)));
    });
    t.terraform("jsondecode", c -> {
      String text = StandardFunctions.oneString(c);
      try {
        JsonNode node = JSON.readTree(text);
        if (node == null || node.isMissingNode()) {
          throw c.argumentError(0, "cannot decode: the string is empty");
        }
        return fromJson(node);
      } catch (JsonProcessingException e) {
        throw c.argumentError(0, "cannot decode: " + e.getOriginalMessage());
      }
    });
    t.terraform("yamldecode", c -> YamlValues.decode(c, StandardFunctions.oneString(c)));
    t.terraform("yamlencode", c -> {
      c.expectArgs(1, 1);
      return Value.string(YamlValues.encode(c.arg(0)));
    });
    t.terraform("csvdecode", c -> CsvDecoder.decode(c, StandardFunctions.oneString(c)));
    t.terraform("base64encode", c -> Value.string(base64(StandardFunctions.oneString(c).getBytes(StandardCharsets.UTF_8))));
    t.terraform("base64decode", c -> Value.string(utf8(c, 0, unbase64(c, StandardFunctions.oneString(c)))));
    t.terraform("base64gunzip", c -> Value.string(utf8(c, 0, gunzip(c, unbase64(c, StandardFunctions.oneString(c))))));
    t.terraform("textencodebase64", c -> {
      c.expectArgs(2, 2);
      Charset charset = charset(c, 1);
      return Value.string(base64(c.string(0).getBytes(charset)));
    });
    t.terraform("textdecodebase64", c -> {
      c.expectArgs(2, 2);
      Charset charset = charset(c, 1);
      return Value.string(new String(unbase64(c, c.string(0)), charset));
    });
    t.terraform("urlencode", c -> Value.string(urlEncode(StandardFunctions.oneString(c))));
    t.terraform("urldecode", c -> {
      try {
        return Value.string(URLDecoder.decode(StandardFunctions.oneString(c), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw c.argumentError(0, e.getMessage());
      }
    });
    t.terraform("md5", c -> Value.string(hex(digest("MD5", c))));
    t.terraform("sha1", c -> Value.string(hex(digest("SHA-1", c))));
    t.terraform("sha256", c -> Value.string(hex(digest("SHA-256", c))));
    t.terraform("sha512", c -> Value.string(hex(digest("SHA-512", c))));
    t.terraform("base64sha256", c -> Value.string(base64(digest("SHA-256", c))));
    t.terraform("base64sha512", c -> Value.string(base64(digest("SHA-512", c))));
    t.terraform("uuidv5", EncodingFunctions::uuidv5);
  }

  /** A JSON (or YAML) tree as a value; numbers stay exact. */
  static Value fromJson(JsonNode node) {
    if (node.isNull() || node.isMissingNode()) {
      return Value.NULL;
    }
    if (node.isBoolean()) {
      return Value.bool(node.booleanValue());
    }
    if (node.isNumber()) {
      return new NumberValue(node.decimalValue());
    }
    if (node.isTextual()) {
      return Value.string(node.textValue());
    }
    if (node.isArray()) {
      EvaluationBudget.checkCollection(node.size());
      List<Value> elements = new ArrayList<>(node.size());
      node.forEach(element -> elements.add(fromJson(element)));
      return Value.list(elements);
    }
    if (node.isObject()) {
      EvaluationBudget.checkCollection(node.size());
      Map<String, Value> attributes = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        attributes.put(field.getKey(), fromJson(field.getValue()));
      }
      return Value.object(attributes);
    }
    return Value.string(node.asText());
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static byte[] unbase64(Invocation c, String text) {
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw c.argumentError(0, "failed to decode base64 data: " + e.getMessage());
    }
  }

  /** Bytes that must be UTF-8, as Terraform requires of base64decode's result. */
  private static String utf8(Invocation c, int index, byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw c.argumentError(index, "the result of decoding the provided string is not valid UTF-8");
    }
  }

  private static byte[] gunzip(Invocation c, byte[] bytes) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      byte[] data = in.readNBytes(EvaluationBudget.MAX_STRING_LENGTH + 1);
      EvaluationBudget.checkString(data.length);
      return data;
    } catch (IOException e) {
      throw c.argumentError(0, "failed to gunzip: " + e.getMessage());
    }
  }

  private static Charset charset(Invocation c, int index) {
    String name = c.string(index);
    try {
      return Charset.forName(name);
    } catch (IllegalArgumentException e) {
      throw c.argumentError(index, "\"" + name + "\" is not a supported IANA encoding name or alias");
    }
  }

  /** Go's {@code url.QueryEscape}: spaces become {@code +}. */
  private static String urlEncode(String s) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int ch = b & 0xFF;
      if (ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9'
          || ch == '-' || ch == '_' || ch == '.' || ch == '~') {
        out.append((char) ch);
      } else if (ch == ' ') {
        out.append('+');
      } else {
        out.append('%').append(String.format("%02X", ch));
      }
    }
    return out.toString();
  }

  private static byte[] digest(String algorithm, Invocation c) {
    try {
      return MessageDigest.getInstance(algorithm).digest(StandardFunctions.oneString(c).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks " + algorithm, e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /** {@code uuidv5(namespace, name)}: the namespaces dns, url, oid, x500 or a UUID. */
  private static Value uuidv5(Invocation c) {
    c.expectArgs(2, 2);
    String ns = c.string(0);
    UUID namespace = switch (ns) {
      case "dns" -> UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
      case "url" -> UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8");
      case "oid" -> UUID.fromString("6ba7b812-9dad-11d1-80b4-00c04fd430c8");
      case "x500" -> UUID.fromString("6ba7b814-9dad-11d1-80b4-00c04fd430c8");
      default -> {
        try {
          yield UUID.fromString(ns);
        } catch (IllegalArgumentException e) {
          throw c.argumentError(0, "uuidv5() doesn't support namespace " + ns);
        }
      }
    };
    byte[] sha1;
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-1");
      md.update(ByteBuffer.allocate(16)
          .putLong(namespace.getMostSignificantBits())
          .putLong(namespace.getLeastSignificantBits())
          .array());
      sha1 = md.digest(c.string(1).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-1", e);
    }
    sha1[6] = (byte) ((sha1[6] & 0x0f) | 0x50);
    sha1[8] = (byte) ((sha1[8] & 0x3f) | 0x80);
    ByteBuffer b = ByteBuffer.wrap(sha1, 0, 16);
    return Value.string(new UUID(b.getLong(), b.getLong()).toString());
  }

}
