package io.tglive.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Coverage-free mutation fuzzing of {@link HclParser} (native syntax, corpus {@code hcl-corpus}) and
 * {@link HclJsonParser} (JSON syntax, corpus {@code hcl-json-corpus}): seeded random byte and token
 * mutations. Every input must either parse, with all source ranges inside the text, or fail with
 * {@link HclSyntaxException}; an input still running after {@link #PER_INPUT_LIMIT_MILLIS} is a hang.
 *
 * <p>The default build runs a fixed number of iterations ({@code -Dfuzz.iterations=N} to change it)
 * from a fixed seed ({@code -Dfuzz.seed=N}), so it is deterministic and its duration does not depend
 * on the machine's load; {@code -Dfuzz.seconds=600} fuzzes for ten minutes instead.
 */
class HclParserFuzzTest {

  private static final long PER_INPUT_LIMIT_MILLIS = 10_000;
  private static final int DEFAULT_ITERATIONS = 10_000;
  /** A smaller stack than the JVM default, so a missing nesting bound shows up as StackOverflowError. */
  private static final long WORKER_STACK_BYTES = 512 * 1024;

  private static final String[] TOKENS = {
    "${", "${~", "~}", "%{", "%{~", "}", "{", "[", "]", "(", ")", "\"", "\\", "\\u", "\\U0010FFFF", "\\uD800",
    "<<EOF\n", "<<-EOF\n", "\nEOF\n", "  EOF", "/*", "*/", "#", "//", "\n", "\r\n", "\r", "...", ".*", "[*]",
    "::", "for x in y :", "for k, v in m :", "=>", "if ", "%{ if x }", "%{ else }", "%{ endif }",
    "%{ for v in l }", "%{ endfor }", "?", ":", ",", "=", "==", "!=", "<=", ">=", "&&", "||", "!", "-", "+",
    "*", "/", "%", ".", ".0", "1e", "1e999999999", "0.5", "12345678901234567890", "true", "null", "f(",
    "a.b", "\uFEFF", "\t", "é", "名", "\uD83D\uDE00", "\uD800", "$${", "%%{", "'", "@", "~", "\u0000",
  };

  private static final String[] JSON_TOKENS = {
    "{", "}", "[", "]", "\"", ":", ",", "\"//\": \"c\"", "\"locals\": {", "\"include\": {\"path\": \"x\"}",
    "\"dependency\": {\"a\": [", "\"${", "${x}", "\\\"", "\\u00e9", "\\ud800", "\\/", "\\", "%{ if x }",
    "%{ endif }", "$${", "true", "false", "null", "-0", "1e999999999", "01", "1.", "\n", "\t", "\u0000", "é",
  };

  @Test
  void mutatedCorpusInputsOnlyRaiseSyntaxErrors() throws Exception {
    fuzz("/hcl-corpus", "fuzz.hcl", TOKENS);
  }

  @Test
  void mutatedJsonCorpusInputsOnlyRaiseSyntaxErrors() throws Exception {
    fuzz("/hcl-json-corpus", "fuzz.hcl.json", JSON_TOKENS);
  }

  private static void fuzz(String corpusDir, String fileName, String[] tokens) throws Exception {
    List<String> corpus = loadCorpus(corpusDir);
    assertThat(corpus).isNotEmpty();
    long seconds = Long.getLong("fuzz.seconds", 0);
    long budgetMillis = seconds > 0 ? seconds * 1000 : Long.MAX_VALUE / 2_000_000;
    int iterations = seconds > 0 ? Integer.MAX_VALUE : Integer.getInteger("fuzz.iterations", DEFAULT_ITERATIONS);
    Random random = new Random(Long.getLong("fuzz.seed", 20_240_601L));

    AtomicReference<String> current = new AtomicReference<>("");
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicLong startedNanos = new AtomicLong(System.nanoTime());
    AtomicInteger executed = new AtomicInteger();
    Runnable loop = () -> {
      List<String> pool = new ArrayList<>(corpus);
      long deadline = System.nanoTime() + budgetMillis * 1_000_000;
      for (int i = 0; i < iterations && System.nanoTime() < deadline; i++) {
        String input = mutate(pool.get(random.nextInt(pool.size())), pool, random, tokens);
        current.set(input);
        startedNanos.set(System.nanoTime());
        executed.incrementAndGet();
        try {
          checkRanges(HclParser.parse(fileName, input));
          if (pool.size() < 2_000 && input.length() < 20_000) {
            pool.add(input);
          }
        } catch (HclSyntaxException expected) {
          // the only acceptable failure
        } catch (Throwable unexpected) {
          failure.set(unexpected);
          return;
        }
      }
    };
    long started = System.nanoTime();
    Thread worker = new Thread(null, loop, "hcl-fuzz", WORKER_STACK_BYTES);
    worker.setDaemon(true);
    worker.start();
    while (worker.isAlive()) {
      worker.join(100);
      long runningMillis = (System.nanoTime() - startedNanos.get()) / 1_000_000;
      if (worker.isAlive() && runningMillis > PER_INPUT_LIMIT_MILLIS) {
        fail("input did not finish within %d ms: %s", PER_INPUT_LIMIT_MILLIS, report(current.get()));
      }
    }
    if (failure.get() != null) {
      throw new AssertionError("parser failed on " + report(current.get()), failure.get());
    }
    if (seconds == 0) {
      assertThat(executed.get()).as("fuzz inputs executed").isEqualTo(iterations);
    }
    System.out.printf("HCL fuzz (%s): %d inputs in %d ms%n", fileName, executed.get(), (System.nanoTime() - started) / 1_000_000);
  }

  @Test
  void corpusFilesParseCleanly() throws Exception {
    for (String source : loadCorpus("/hcl-corpus")) {
      checkRanges(HclParser.parse("corpus.hcl", source));
    }
    for (String source : loadCorpus("/hcl-json-corpus")) {
      checkRanges(HclParser.parse("corpus.hcl.json", source));
    }
  }

  private static List<String> loadCorpus(String corpusDir) throws IOException, URISyntaxException {
    Path dir = Path.of(HclParserFuzzTest.class.getResource(corpusDir).toURI());
    try (Stream<Path> files = Files.list(dir)) {
      List<String> sources = new ArrayList<>();
      for (Path file : files.sorted().toList()) {
        sources.add(Files.readString(file, StandardCharsets.UTF_8));
      }
      return sources;
    }
  }

  private static String mutate(String seed, List<String> pool, Random random, String[] tokens) {
    StringBuilder text = new StringBuilder(seed);
    int rounds = 1 + random.nextInt(6);
    for (int r = 0; r < rounds; r++) {
      int at = text.length() == 0 ? 0 : random.nextInt(text.length() + 1);
      switch (random.nextInt(7)) {
        case 0 -> text.insert(at, tokens[random.nextInt(tokens.length)]);
        case 1 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(16)));
        case 2 -> {
          if (at < text.length()) {
            text.setCharAt(at, (char) (random.nextBoolean() ? random.nextInt(128) : random.nextInt(0x10000)));
          }
        }
        case 3 -> {
          int from = random.nextInt(text.length() + 1);
          int to = Math.min(text.length(), from + random.nextInt(64));
          text.insert(at, text.substring(from, to));
        }
        case 4 -> {
          String other = pool.get(random.nextInt(pool.size()));
          int from = random.nextInt(other.length() + 1);
          text.insert(at, other, from, Math.min(other.length(), from + random.nextInt(200)));
        }
        case 5 -> text.setLength(at);
        default -> {
          byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
          if (bytes.length > 0) {
            bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
          }
          text.setLength(0);
          text.append(new String(bytes, StandardCharsets.UTF_8));
        }
      }
    }
    return text.toString();
  }

  private static void checkRanges(HclFile file) {
    checkBody(file, file.body());
  }

  private static void checkBody(HclFile file, Body body) {
    check(file, body.range());
    for (Attribute attribute : body.attributes()) {
      check(file, attribute.range());
      checkExpression(file, attribute.value());
    }
    for (Block block : body.blocks()) {
      check(file, block.range());
      checkBody(file, block.body());
    }
  }

  private static void checkExpression(HclFile file, Expression e) {
    if (e == null) {
      return;
    }
    check(file, e.range());
    if (e instanceof Expression.Template t) {
      t.parts().forEach(part -> checkPart(file, part));
    } else if (e instanceof Expression.GetAttr g) {
      checkExpression(file, g.target());
    } else if (e instanceof Expression.Index i) {
      checkExpression(file, i.target());
      checkExpression(file, i.key());
    } else if (e instanceof Expression.Splat s) {
      checkExpression(file, s.source());
      checkExpression(file, s.each());
    } else if (e instanceof Expression.FunctionCall f) {
      f.args().forEach(a -> checkExpression(file, a));
    } else if (e instanceof Expression.TupleCons t) {
      t.items().forEach(item -> checkExpression(file, item));
    } else if (e instanceof Expression.ObjectCons o) {
      o.items().forEach(item -> {
        checkExpression(file, item.key());
        checkExpression(file, item.value());
      });
    } else if (e instanceof Expression.Unary u) {
      checkExpression(file, u.operand());
    } else if (e instanceof Expression.Binary b) {
      checkExpression(file, b.left());
      checkExpression(file, b.right());
    } else if (e instanceof Expression.Conditional c) {
      checkExpression(file, c.condition());
      checkExpression(file, c.whenTrue());
      checkExpression(file, c.whenFalse());
    } else if (e instanceof Expression.Parenthesized p) {
      checkExpression(file, p.inner());
    } else if (e instanceof Expression.ForExpr f) {
      checkExpression(file, f.collection());
      checkExpression(file, f.keyResult());
      checkExpression(file, f.valueResult());
      checkExpression(file, f.condition());
    }
  }

  private static void checkPart(HclFile file, TemplatePart part) {
    check(file, part.range());
    if (part instanceof TemplatePart.Interpolation i) {
      checkExpression(file, i.expression());
    } else if (part instanceof TemplatePart.If i) {
      checkExpression(file, i.condition());
      i.then().forEach(p -> checkPart(file, p));
      i.otherwise().forEach(p -> checkPart(file, p));
    } else if (part instanceof TemplatePart.For f) {
      checkExpression(file, f.collection());
      f.body().forEach(p -> checkPart(file, p));
    }
  }

  private static void check(HclFile file, SourceRange range) {
    int start = range.start().offset();
    int end = range.end().offset();
    if (start < 0 || start > end || end > file.source().length()) {
      throw new AssertionError("range " + start + ".." + end + " outside the source of length " + file.source().length());
    }
  }

  private static String report(String input) {
    StringBuilder escaped = new StringBuilder("\"");
    input.codePoints().limit(4_000).forEach(cp -> {
      if (cp == '"' || cp == '\\') {
        escaped.append('\\').appendCodePoint(cp);
      } else if (cp < 0x20 || cp > 0x7e) {
        escaped.append(String.format("\\u%04x", cp));
      } else {
        escaped.appendCodePoint(cp);
      }
    });
    return escaped.append('"').toString();
  }
}
