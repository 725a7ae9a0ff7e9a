package io.tglive.config;

import static io.tglive.config.ConfigFixture.list;
import static io.tglive.config.ConfigFixture.num;
import static io.tglive.config.ConfigFixture.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the oracle table cannot show: unknowns, diagnostics, budgets, errors that fail the unit. */
class FunctionBehaviourTest {

  private final Expressions expressions = new Expressions();

  @TempDir Path tmp;

  @Test
  void aFailingFunctionIsUnknownWithADiagnosticNamingTheCall() {
    assertThat(expressions.eval("format(\"%d\", \"x\")")).isInstanceOf(Value.UnknownValue.class);
    assertThat(expressions.diagnostics).singleElement().asString()
        .startsWith("test.hcl:1:5: format: unsupported value for \"%d\" at 0")
        .endsWith("the result of format() is unknown");
  }

  @Test
  void tryAndCanStillSeeFunctionFailures() {
    assertThat(expressions.eval("try(regex(\"x\", \"y\"), \"fallback\")")).isEqualTo(str("fallback"));
    assertThat(expressions.eval("can(format(\"%d\", 1.5))")).isEqualTo(Value.FALSE);
    assertThat(expressions.diagnostics).isEmpty();
  }

  @Test
  void anUnknownFunctionNameIsAnErrorButARealUnsupportedOneIsUnknown() {
    assertThat(expressions.error("lenght([1])"))
        .isEqualTo("test.hcl:1:5: call to unknown function: there is no function named \"lenght\"");
    assertThat(expressions.error("try(lenght([1]), 0)")).contains("no function named \"lenght\"");
    assertThat(expressions.eval("timestamp()")).isInstanceOf(Value.UnknownValue.class);
    assertThat(expressions.diagnostics).singleElement().asString().contains("unsupported function \"timestamp\"");
    assertThat(expressions.eval("provider::aws::arn_parse(\"x\")")).isInstanceOf(Value.UnknownValue.class);
  }

  @Test
  void concatAndFriendsKeepKnownElementsNextToUnknownOnes() {
    Value v = expressions.eval("concat([\"a\"], [unknown], [\"b\"])");
    assertThat(v).isInstanceOf(Value.ListValue.class);
    assertThat(v.asElements()).hasSize(3);
    assertThat(v.asElements().get(0)).isEqualTo(str("a"));
    assertThat(v.asElements().get(1)).isInstanceOf(Value.UnknownValue.class);
    assertThat(expressions.eval("length(concat([1], [unknown]))")).isEqualTo(num(2));
    assertThat(expressions.eval("element(reverse([unknown, \"x\"]), 0)")).isEqualTo(str("x"));
    assertThat(expressions.eval("merge({a = unknown}, {b = 1}).b")).isEqualTo(num(1));
  }

  @Test
  void formatWidthsPrecisionsAndIndexesAreBounded() {
    assertThat(expressions.eval("format(\"%999999999d\", 1)")).isInstanceOf(Value.UnknownValue.class);
    assertThat(expressions.diagnostics).singleElement().asString()
        .contains("evaluation budget exceeded: a format width of 999999999 (at most 100000)");
    assertThat(expressions.eval("format(\"%.999999999f\", 1)")).isInstanceOf(Value.UnknownValue.class);
    assertThat(expressions.eval("format(\"%100000d\", 1)").asString()).hasSize(100_000);
  }

  @Test
  void tryCannotHideAnExceededBudget() {
    assertThat(expressions.eval("try(format(\"%999999999d\", 1), \"small\")")).isInstanceOf(Value.UnknownValue.class);
    assertThat(expressions.diagnostics).singleElement().asString().contains("evaluation budget exceeded");
  }

  @Test
  void growingStringsAndListsStopAtTheBudgetWithoutExhaustingMemory() {
    assertThat(expressions.eval("range(1e9)")).isInstanceOf(Value.UnknownValue.class);
    assertThat(expressions.diagnostics).singleElement().asString().contains("more than 1024 values");
    assertThat(expressions.eval("replace(join(\"\", [for i in range(1000) : \"aaaaaaaaaa\"]), \"a\", join(\"\", [for i in range(1000) : \"b\"]))"))
        .isInstanceOf(Value.UnknownValue.class);
    assertThat(expressions.diagnostics).singleElement().asString().contains("evaluation budget exceeded: a string of 10000000 characters");
    assertThat(expressions.error("[for i in range(1000) : [for j in range(1000) : [for k in range(10) : k]]]"))
        .contains("evaluation budget exceeded: more than 4194304 collection elements built in one file");
  }

  @Test
  void aStringDoubledFortyTimesIsAClearErrorForTheUnit() {
    StringBuilder locals = new StringBuilder("locals {\n  s0 = \"xxxxxxxxxxxxxxxx\"\n");
    for (int i = 1; i <= 40; i++) {
      locals.append("  s").append(i).append(" = \"${local.s").append(i - 1).append("}${local.s").append(i - 1).append("}\"\n");
    }
    ConfigFixture repo = new ConfigFixture(tmp);
    assertThat(repo.error(locals.append("}\n").toString()))
        .matches("(?s).*terragrunt\\.hcl:\\d+:\\d+: evaluation budget exceeded: a string of \\d+ characters \\(at most 8388608\\)");
  }

  @Test
  void yamlAliasesResolveToTheAnchoredValueNotItsName() {
    assertThat(expressions.eval("yamldecode(\"voters: [&lead alice, *lead, carol]\").voters"))
        .isEqualTo(list(str("alice"), str("alice"), str("carol")));
  }

  @Test
  void aBillionLaughsDocumentIsRefusedWithAClearMessage() {
    StringBuilder doc = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\\n");
    for (int i = 1; i <= 9; i++) {
      doc.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        doc.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      doc.append("]\\n");
    }
    assertThat(expressions.eval("yamldecode(\"" + doc + "\")")).isInstanceOf(Value.UnknownValue.class);
    assertThat(expressions.diagnostics).singleElement().asString()
        .contains("the YAML document expands to more than 1000000 nodes through its aliases");
  }

  @Test
  void aRecursiveYamlAliasIsAnErrorNotAHang() {
    assertThat(expressions.eval("yamldecode(\"a: &x [1, *x]\")")).isInstanceOf(Value.UnknownValue.class);
    assertThat(expressions.diagnostics).singleElement().asString().contains("cannot decode YAML");
  }

  @Test
  void regexFunctionsUseRe2SyntaxNotJavaSyntax() {
    assertThat(expressions.eval("regex(\"(?P<y>\\\\d{4})\", \"in 2024\")")).isEqualTo(Value.object(java.util.Map.of("y", str("2024"))));
    assertThat(expressions.eval("regex(\"a++\", \"aaa\")")).isInstanceOf(Value.UnknownValue.class);
    assertThat(expressions.diagnostics).singleElement().asString().contains("invalid regular expression");
    // Catastrophic backtracking in java.util.regex; linear in RE2.
    String input = "a".repeat(5000) + "!";
    assertThat(expressions.eval("can(regex(\"^(a|a)*$\", \"" + input + "\"))")).isEqualTo(Value.FALSE);
  }

  @Test
  void conditionalResultsAreUnifiedAsInHcl() {
    assertThat(expressions.eval("true ? 1 : \"a\"")).isEqualTo(str("1"));
    assertThat(expressions.error("true ? 1 : true"))
        .contains("inconsistent conditional result types").contains("the 'true' value is number, but the 'false' value is bool");
    assertThat(expressions.error("unknown ? [1] : {a = 1}")).contains("inconsistent conditional result types");
    assertThat(expressions.eval("false ? lenght(1) : 2")).isEqualTo(num(2));
    assertThat(expressions.eval("false ? regex(\"x\", \"y\") : 2")).isEqualTo(num(2));
    assertThat(expressions.diagnostics).isEmpty();
  }

  @Test
  void base64gzipIsUnknownBecauseGoDeflateOutputIsNotReproduced() {
    assertThat(expressions.eval("base64gzip(\"hello\")")).isInstanceOf(Value.UnknownValue.class);
    assertThat(expressions.diagnostics).singleElement().asString().contains("unsupported function \"base64gzip\"");
  }

  @Test
  void longFlatChainsEvaluateWithoutDeepRecursion() {
    assertThat(expressions.eval("1" + " + 1".repeat(10_000))).isEqualTo(num(10_001));
    assertThat(expressions.eval("true" + " && true".repeat(5_000) + " || false")).isEqualTo(Value.TRUE);
    String deep = "{a = {a = {a = 7}}}";
    assertThat(expressions.eval("[" + deep + "]" + "[0]".repeat(1) + ".a.a.a")).isEqualTo(num(7));
    assertThat(expressions.eval("[[[[1]]]]" + "[0]".repeat(4))).isEqualTo(num(1));
  }

  @Test
  void invalidArgumentsOfNewFunctionsNameTheArgument() {
    assertThatThrownBy(() -> expressions.error("1")).isInstanceOf(AssertionError.class);
    assertThat(expressions.eval("cidrsubnet(\"10.0.0.0/8\", 30, 0)")).isInstanceOf(Value.UnknownValue.class);
    assertThat(expressions.diagnostics).singleElement().asString()
        .contains("cidrsubnet: insufficient address space to extend prefix of 8 by 30");
  }
}
