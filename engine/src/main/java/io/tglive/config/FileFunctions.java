package io.tglive.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tglive.hcl.Attribute;
import io.tglive.hcl.HclFile;
import io.tglive.hcl.HclParser;
import io.tglive.hcl.HclSyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The functions that read files: Terraform's ({@code file}, {@code fileexists}, {@code
 * templatefile}, {@code fileset}, {@code filebase64}, the {@code file*sha*} digests), which resolve
 * relative paths from the directory of the file being evaluated (an included file's own directory),
 * and Terragrunt's ({@code read_tfvars_file}, {@code sops_decrypt_file}, {@code mark_as_read},
 * {@code mark_glob_as_read}), which resolve them from the unit's directory, as Terragrunt does.
 * Every file they read, or could read, is recorded as a read of the unit wherever the call appears.
 */
final class FileFunctions {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BOUNDARY_FLAG = "--terragrunt-boundary";

  private FileFunctions() {}

  static void register(FunctionTable t) {
    t.strict("file", c -> {
      c.expectArgs(1, 1);
      return Value.string(text(c, read(c, terraformPath(c, 0))));
    });
    t.strict("fileexists", c -> {
      c.expectArgs(1, 1);
      Path file = terraformPath(c, 0);
      c.context().recordProbe(file);
      return Value.bool(c.context().snapshot().isFile(file));
    });
    t.strict("filebase64", c -> {
      c.expectArgs(1, 1);
      return Value.string(Base64.getEncoder().encodeToString(read(c, terraformPath(c, 0))));
    });
    digest(t, "filemd5", "MD5", false);
    digest(t, "filesha1", "SHA-1", false);
    digest(t, "filesha256", "SHA-256", false);
    digest(t, "filesha512", "SHA-512", false);
    digest(t, "filebase64sha256", "SHA-256", true);
    digest(t, "filebase64sha512", "SHA-512", true);
    t.lenient("templatefile", FileFunctions::templateFile);
    t.strict("fileset", FileFunctions::fileSet);
    t.strict("read_tfvars_file", FileFunctions::readTfvarsFile);
    t.strict("sops_decrypt_file", c -> {
      c.expectArgs(1, 1);
      c.context().recordRead(unitPath(c, 0));
      return Value.unknown("sops_decrypt_file: encrypted content is not decrypted while building the graph");
    });
    t.strict("mark_as_read", c -> {
      c.expectArgs(1, 1);
      c.context().recordRead(unitPath(c, 0));
      return c.arg(0);
    });
    t.strict("mark_glob_as_read", FileFunctions::markGlobAsRead);
  }

  // --- reading -----------------------------------------------------------------------------------

  /**
   * The bytes of a file, recorded as read first: a missing file is still a read, so the unit is
   * selected when the file appears.
   */
  private static byte[] read(Invocation c, Path file) {
    c.context().recordRead(file);
    if (!c.context().snapshot().isFile(file)) {
      throw c.argumentError(0, "no file exists at " + file);
    }
    return c.context().snapshot().readForEvaluation(file);
  }

  private static String text(Invocation c, byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw c.argumentError(0, "the file is not UTF-8");
    }
  }

  private static void digest(FunctionTable t, String name, String algorithm, boolean base64) {
    t.strict(name, c -> {
      c.expectArgs(1, 1);
      byte[] bytes = read(c, terraformPath(c, 0));
      byte[] hash;
      try {
        hash = MessageDigest.getInstance(algorithm).digest(bytes);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
      }
      return Value.string(base64 ? Base64.getEncoder().encodeToString(hash) : HexFormat.of().formatHex(hash));
    });
  }

  // --- templatefile --------------------------------------------------------------------------------

  /** {@code templatefile(path, vars)}: the file is read even when the variables are unknown. */
  private static Value templateFile(Invocation c) {
    c.expectArgs(2, 2);
    if (!c.arg(0).isKnown()) {
      return c.arg(0);
    }
    String template = text(c, read(c, terraformPath(c, 0)));
    Value vars = c.arg(1);
    if (vars.unknownWithin() != null) {
      return vars.unknownWithin();
    }
    Map<String, Value> variables = c.attributes(1);
    String marker = "TGLIVE_TEMPLATE_" + Integer.toHexString(template.hashCode() & 0x7fffffff) + "_END";
    while (template.contains(marker)) {
      marker = marker + "_";
    }
    boolean trailingNewline = template.endsWith("\n");
    String source = "v = <<" + marker + "\n" + template + (trailingNewline ? "" : "\n") + marker + "\n";
    HclFile parsed;
    try {
      parsed = HclParser.parse(c.string(0), source);
    } catch (HclSyntaxException e) {
      throw c.argumentError(0, "the template cannot be parsed: " + e.getMessage());
    }
    Attribute attribute = parsed.body().attribute("v").orElseThrow();
    ExpressionEvaluator.Roots roots = (name, range) -> {
      Value value = variables.get(name);
      if (value == null) {
        throw new EvaluationError(c.range(), "templatefile: the template uses \"" + name + "\", which vars does not define");
      }
      return value;
    };
    Value rendered = new ExpressionEvaluator(roots, c.context()).evaluate(attribute.value());
    if (!trailingNewline && rendered instanceof Value.StringValue s && s.value().endsWith("\n")) {
      return Value.string(s.value().substring(0, s.value().length() - 1));
    }
    return rendered;
  }

  // --- fileset and mark_glob_as_read ---------------------------------------------------------------

  /** {@code fileset(path, pattern)}: the files under {@code path} matching, relative to it; reads the directory. */
  private static Value fileSet(Invocation c) {
    c.expectArgs(2, 2);
    Path directory = terraformPath(c, 0);
    PathGlob glob = PathGlob.of(directory, c.string(1));
    c.context().recordRead(glob.base());
    Set<Value> matches = new LinkedHashSet<>();
    for (String match : matches(c, glob)) {
      Path file = glob.base().resolve(match);
      matches.add(Value.string(LexicalPaths.relative(directory, file)));
    }
    return new Value.SetValue(matches);
  }

  /**
   * {@code mark_glob_as_read([--terragrunt-boundary DIR,] pattern)}: the absolute paths of the
   * matching files. The glob's fixed leading directory is recorded as read, so a file added there
   * later selects the unit too.
   */
  private static Value markGlobAsRead(Invocation c) {
    List<String> args = new ArrayList<>();
    for (int i = 0; i < c.args().size(); i++) {
      args.add(c.string(i));
    }
    if (!args.isEmpty() && args.get(0).startsWith(BOUNDARY_FLAG)) {
      // The boundary only limits where Terragrunt looks; the reads recorded here are the same.
      if (args.remove(0).equals(BOUNDARY_FLAG)) {
        if (args.isEmpty()) {
          throw c.error(BOUNDARY_FLAG + " requires a directory value");
        }
        args.remove(0);
      }
    }
    if (args.size() != 1) {
      throw c.error("expects a pattern, optionally after " + BOUNDARY_FLAG + " DIR");
    }
    PathGlob glob = PathGlob.of(c.context().terragruntDir(), args.get(0));
    c.context().recordRead(glob.base());
    List<Value> files = new ArrayList<>();
    for (String match : matches(c, glob)) {
      Path file = glob.base().resolve(match);
      c.context().recordRead(file);
      files.add(Value.string(file.toString()));
    }
    return Value.list(files);
  }

  private static List<String> matches(Invocation c, PathGlob glob) {
    List<String> matches = new ArrayList<>();
    for (Path file : c.context().snapshot().filesUnder(glob.base())) {
      String relative = LexicalPaths.relative(glob.base(), file);
      if (glob.matches(relative)) {
        matches.add(relative);
      }
    }
    return matches;
  }

  // --- read_tfvars_file ----------------------------------------------------------------------------

  /** {@code read_tfvars_file(path)}: the variables of a {@code .tfvars} (or JSON) file, JSON-encoded. */
  private static Value readTfvarsFile(Invocation c) {
    c.expectArgs(1, 1);
    Path file = unitPath(c, 0);
    String content = text(c, read(c, file));
    if (file.toString().endsWith("json")) {
      try {
        JSON.readTree(content);
      } catch (JsonProcessingException e) {
        throw c.argumentError(0, file + " is not valid JSON: " + e.getOriginalMessage());
      }
      return Value.string(content);
    }
    HclFile parsed = c.context().snapshot().parseForEvaluation(file);
    if (!parsed.body().blocks().isEmpty()) {
      throw c.argumentError(0, file + ": a variables file holds attributes only");
    }
    ExpressionEvaluator.Roots none = (name, range) -> {
      throw new EvaluationError(range, "variables are not allowed in a variables file");
    };
    ExpressionEvaluator evaluator = new ExpressionEvaluator(none, c.context());
    Map<String, Value> variables = new LinkedHashMap<>();
    for (Attribute attribute : parsed.body().attributes()) {
      variables.put(attribute.name(), evaluator.evaluate(attribute.value()));
    }
    Value object = Value.object(variables);
    if (object.unknownWithin() != null) {
      return object.unknownWithin();
    }
    return Value.string(CtyJson.encode(object));
  }

  // --- paths ---------------------------------------------------------------------------------------

  /** Argument {@code index} as a path, relative to the evaluated file's directory (Terraform's rule). */
  private static Path terraformPath(Invocation c, int index) {
    return LexicalPaths.resolve(c.context().fileDirectory(), c.string(index));
  }

  /** Argument {@code index} as a path, relative to the unit's directory (Terragrunt's rule). */
  private static Path unitPath(Invocation c, int index) {
    return LexicalPaths.resolve(c.context().terragruntDir(), c.string(index));
  }
}
