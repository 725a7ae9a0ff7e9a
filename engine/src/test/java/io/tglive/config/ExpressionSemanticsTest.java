package io.tglive.config;

import static io.tglive.config.ConfigFixture.list;
import static io.tglive.config.ConfigFixture.num;
import static io.tglive.config.ConfigFixture.str;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpressionSemanticsTest {

  @TempDir Path tmp;
  ConfigFixture repo;

  @BeforeEach
  void setUp() {
    repo = new ConfigFixture(tmp);
  }

  @Test
  void aTemplateOfOneInterpolationKeepsTheValueUnconverted() throws Exception {
    assertThat(repo.eval("\"${[1, 2]}\"")).isEqualTo(list(num(1), num(2)));
    assertThat(repo.eval("\"n=${1.50}/${true}\"")).isEqualTo(str("n=1.5/true"));
  }

  @Test
  void templateDirectivesAndHeredocs() throws Exception {
    assertThat(repo.eval("\"%{ for x in [\"a\", \"b\"] }${x};%{ endfor }%{ if false }no%{ else }yes%{ endif }\""))
        .isEqualTo(str("a;b;yes"));
    assertThat(repo.eval("<<-EOT\n    hello ${upper(\"x\")}\n    EOT")).isEqualTo(str("hello X\n"));
  }

  @Test
  void unknownPropagatesThroughTemplatesOperatorsCallsAndIndexing() throws Exception {
    for (String expression : new String[] {
        "\"${values.x}/vpc\"",
        "values.x + 1",
        "upper(values.x)",
        "[values.x][0]",
        "{a = 1}[values.key]",
        "values.list[0].name",
        "values.x == \"a\"",
        "!values.flag",
        "[for x in values.list : x]",
        "values.list[*].id",
        "merge({a = 1}, values.m)",
        "join(\",\", [\"a\", values.x])"}) {
      assertThat(repo.eval(expression)).as(expression).isInstanceOf(Value.UnknownValue.class);
    }
  }

  @Test
  void aConditionalOnAnUnknownConditionNeverPicksABranch() throws Exception {
    assertThat(repo.eval("values.prod ? \"../a\" : \"../b\"")).isInstanceOf(Value.UnknownValue.class);
    assertThat(repo.eval("1 == 1 ? \"../a\" : values.x")).isEqualTo(str("../a"));
  }

  @Test
  void logicalOperatorsAreKnownWhenOneSideDecides() throws Exception {
    assertThat(repo.eval("false && values.x")).isEqualTo(Value.FALSE);
    assertThat(repo.eval("true || values.x")).isEqualTo(Value.TRUE);
    assertThat(repo.eval("true && values.x")).isInstanceOf(Value.UnknownValue.class);
  }

  @Test
  void arithmeticComparisonAndConversions() throws Exception {
    assertThat(repo.eval("1 + \"2\" * 3")).isEqualTo(num(7));
    assertThat(repo.eval("7 % 4 - 10 / 4")).isEqualTo(new Value.NumberValue(new java.math.BigDecimal("0.5")));
    assertThat(repo.eval("2 >= 2 && 1 < 2")).isEqualTo(Value.TRUE);
    assertThat(repo.eval("1 == \"1\"")).isEqualTo(Value.FALSE);
    assertThat(repo.eval("-(3)")).isEqualTo(num(-3));
  }

  @Test
  void forExpressionsBuildTuplesObjectsAndGroups() throws Exception {
    assertThat(repo.eval("[for i, v in [\"a\", \"b\", \"c\"] : \"${i}${v}\" if v != \"b\"]")).isEqualTo(list(str("0a"), str("2c")));
    assertThat(repo.eval("{for k, v in {a = 1, b = 2} : upper(k) => v * 10}"))
        .isEqualTo(Value.object(Map.of("A", num(10), "B", num(20))));
    assertThat(repo.eval("{for s in [\"ab\", \"ac\", \"b\"] : uuid() => s...}"))
        .isInstanceOf(Value.UnknownValue.class);
    assertThat(repo.eval("{for s in [\"ax\", \"ay\", \"b\"] : trimsuffix(trimsuffix(s, \"x\"), \"y\") => s...}"))
        .isEqualTo(Value.object(Map.of("a", list(str("ax"), str("ay")), "b", list(str("b")))));
  }

  @Test
  void splatsAndLegacyIndexes() throws Exception {
    assertThat(repo.eval("[{id = 1}, {id = 2}][*].id")).isEqualTo(list(num(1), num(2)));
    assertThat(repo.eval("[{id = 1}, {id = 2}].*.id")).isEqualTo(list(num(1), num(2)));
    assertThat(repo.eval("[\"a\", \"b\"].1")).isEqualTo(str("b"));
  }

  @Test
  void indexingErrorsAreClear() {
    assertThat(repo.error("locals {\n  x = [1][3]\n}\n")).endsWith(":2:7: the index 3 is out of range for a list of 1 elements");
    assertThat(repo.error("locals {\n  x = {a = 1}[\"b\"]\n}\n")).endsWith(":2:7: the key \"b\" does not exist in this map");
    assertThat(repo.error("locals {\n  x = {a = 1}.b\n}\n")).endsWith(":2:7: this object has no attribute \"b\"");
    assertThat(repo.error("locals {\n  x = null.a\n}\n")).contains("cannot get attribute \"a\" of a null value");
  }

  @Test
  void nullInATemplateIsAnError() {
    assertThat(repo.error("locals {\n  x = \"a${null}\"\n}\n")).endsWith(":2:11: the interpolated value is null; a template cannot include null");
  }

  @Test
  void functionArgumentExpansion() throws Exception {
    assertThat(repo.eval("concat([[1], [2]]...)")).isEqualTo(list(num(1), num(2)));
  }
}
