package io.tglive.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class HclExpressionTest {

  private static HclFile file(String expression) {
    return HclParser.parse("test.hcl", "x = " + expression + "\n");
  }

  private static Expression parse(String expression) {
    return file(expression).body().attribute("x").orElseThrow().value();
  }

  private static String sexp(String expression) {
    return Sexp.of(parse(expression));
  }

  @Test
  void integerDecimalAndExponentNumbersAreBigDecimals() {
    assertThat(((Expression.NumberLiteral) parse("42")).value()).isEqualTo(new BigDecimal("42"));
    assertThat(((Expression.NumberLiteral) parse("3.25")).value()).isEqualTo(new BigDecimal("3.25"));
    assertThat(((Expression.NumberLiteral) parse("1e3")).value()).isEqualByComparingTo("1000");
    assertThat(((Expression.NumberLiteral) parse("2.5E-2")).value()).isEqualByComparingTo("0.025");
    assertThat(((Expression.NumberLiteral) parse("7e+1")).value()).isEqualByComparingTo("70");
  }

  @Test
  void keywordsAreBooleanAndNullLiterals() {
    assertThat(parse("true")).isEqualTo(new Expression.BoolLiteral(true, parse("true").range()));
    assertThat(((Expression.BoolLiteral) parse("false")).value()).isFalse();
    assertThat(parse("null")).isInstanceOf(Expression.NullLiteral.class);
  }

  @Test
  void identifierIsAVariable() {
    assertThat(sexp("local")).isEqualTo("local");
    assertThat(sexp("my-var_2")).isEqualTo("my-var_2");
  }

  @Test
  void tuplesAcceptNewlinesAndATrailingComma() {
    assertThat(sexp("[]")).isEqualTo("[]");
    assertThat(sexp("[1, \"a\", true]")).isEqualTo("[1 (tpl 'a') true]");
    assertThat(sexp("[\n  1,\n  2,\n]")).isEqualTo("[1 2]");
  }

  @Test
  void objectsAcceptEqualsOrColonAndCommaOrNewlineSeparators() {
    assertThat(sexp("{}")).isEqualTo("{}");
    assertThat(sexp("{ a = 1, b : 2, }")).isEqualTo("{(tpl 'a')=1 (tpl 'b')=2}");
    assertThat(sexp("{\n  a = 1\n\n  b = 2\n}")).isEqualTo("{(tpl 'a')=1 (tpl 'b')=2}");
  }

  @Test
  void objectKeysIdentifierIsLiteralParenthesizedIsEvaluatedOtherExpressionsAllowed() {
    assertThat(sexp("{ for_each = 1 }")).isEqualTo("{(tpl 'for_each')=1}");
    assertThat(sexp("{ \"a b\" = 1 }")).isEqualTo("{(tpl 'a b')=1}");
    assertThat(sexp("{ (local.k) = 1 }")).isEqualTo("{(paren (. local k))=1}");
    assertThat(sexp("{ \"${k}\" = 1 }")).isEqualTo("{(tpl ${k})=1}");
    assertThat(sexp("{ null = 1, true = 2 }")).isEqualTo("{(tpl 'null')=1 (tpl 'true')=2}");
    assertThat(sexp("{ a.b = 1 }")).isEqualTo("{(. a b)=1}");
    assertThat(sexp("{ baz = 2, for = 1 }")).isEqualTo("{(tpl 'baz')=2 (tpl 'for')=1}");
  }

  @Test
  void identifierObjectKeyKeepsItsSourceRange() {
    HclFile file = file("{ name = 1 }");
    Expression.ObjectCons object = (Expression.ObjectCons) file.body().attribute("x").orElseThrow().value();
    assertThat(file.text(object.items().get(0).key().range())).isEqualTo("name");
  }

  @Test
  void functionCallsTakeArgumentsAcrossLinesWithTrailingComma() {
    assertThat(sexp("f()")).isEqualTo("(f)");
    assertThat(sexp("merge(a, {b = 1})")).isEqualTo("(merge a {(tpl 'b')=1})");
    assertThat(sexp("f(\n  1,\n  2,\n)")).isEqualTo("(f 1 2)");
  }

  @Test
  void finalArgumentEllipsisSetsExpandFinal() {
    Expression.FunctionCall call = (Expression.FunctionCall) parse("concat(a, lists...)");
    assertThat(call.expandFinal()).isTrue();
    assertThat(call.args()).hasSize(2);
    assertThat(((Expression.FunctionCall) parse("concat(a)")).expandFinal()).isFalse();
  }

  @Test
  void namespacedFunctionNamesKeepTheirSeparators() {
    assertThat(sexp("provider::aws::arn_parse(x)")).isEqualTo("(provider::aws::arn_parse x)");
  }

  @Test
  void attributeAccessIndexAndLegacyIndexChain() {
    assertThat(sexp("a.b[0][\"k\"].c")).isEqualTo("(. ([] ([] (. a b) 0) (tpl 'k')) c)");
    assertThat(sexp("a.0.b")).isEqualTo("(. (. a 0) b)");
  }

  @Test
  void attributeSplatAppliesOnlyAttributeStepsToEachElement() {
    assertThat(sexp("a.*.b.c")).isEqualTo("(splat a (. (. item b) c))");
    assertThat(sexp("a.*.b[0]")).isEqualTo("([] (splat a (. item b)) 0)");
    assertThat(sexp("a.*")).isEqualTo("(splat a item)");
  }

  @Test
  void fullSplatAppliesAttributeAndIndexStepsToEachElement() {
    assertThat(sexp("a[*].b[0].c")).isEqualTo("(splat a (. ([] (. item b) 0) c))");
    assertThat(sexp("a[*]")).isEqualTo("(splat a item)");
    assertThat(sexp("a[*].b[*].c")).isEqualTo("(splat (splat a (. item b)) (. item c))");
  }

  @Test
  void splatRangesCoverTheWholeTraversal() {
    HclFile file = file("aws_instance.web[*].id");
    Expression.Splat splat = (Expression.Splat) file.body().attribute("x").orElseThrow().value();
    assertThat(file.text(splat.range())).isEqualTo("aws_instance.web[*].id");
    assertThat(file.text(splat.each().range())).isEqualTo("[*].id");
    assertThat(file.text(((Expression.GetAttr) splat.each()).target().range())).isEqualTo("[*]");
  }

  @Test
  void unaryOperatorsBindTighterThanBinaryAndLooserThanTraversal() {
    assertThat(sexp("-a.b * 2")).isEqualTo("(MULTIPLY (neg (. a b)) 2)");
    assertThat(sexp("!a && b")).isEqualTo("(AND (! a) b)");
    assertThat(sexp("- -1")).isEqualTo("(neg (neg 1))");
  }

  @Test
  void binaryOperatorsFollowHclPrecedence() {
    assertThat(sexp("1 + 2 * 3")).isEqualTo("(ADD 1 (MULTIPLY 2 3))");
    assertThat(sexp("a || b && c")).isEqualTo("(OR a (AND b c))");
    assertThat(sexp("a == b && c != d")).isEqualTo("(AND (EQUAL a b) (NOT_EQUAL c d))");
    assertThat(sexp("a < b == c >= d")).isEqualTo("(EQUAL (LESS a b) (GREATER_OR_EQUAL c d))");
    assertThat(sexp("a + b > c % d")).isEqualTo("(GREATER (ADD a b) (MODULO c d))");
    assertThat(sexp("a <= b")).isEqualTo("(LESS_OR_EQUAL a b)");
    assertThat(sexp("a > b")).isEqualTo("(GREATER a b)");
  }

  @Test
  void binaryOperatorsAreLeftAssociative() {
    assertThat(sexp("a / b * c")).isEqualTo("(MULTIPLY (DIVIDE a b) c)");
    assertThat(sexp("a - b - c")).isEqualTo("(SUBTRACT (SUBTRACT a b) c)");
  }

  @Test
  void conditionalIsRightAssociativeAndLowestPrecedence() {
    assertThat(sexp("a || b ? 1 + 2 : 3")).isEqualTo("(? (OR a b) (ADD 1 2) 3)");
    assertThat(sexp("a ? b : c ? d : e")).isEqualTo("(? a b (? c d e))");
  }

  @Test
  void parenthesesAreKeptAndIgnoreNewlines() {
    assertThat(sexp("(a +\n b) * c")).isEqualTo("(MULTIPLY (paren (ADD a b)) c)");
  }

  @Test
  void tupleForExpressionWithOneOrTwoVariablesAndCondition() {
    assertThat(sexp("[for v in xs : v]")).isEqualTo("(for null v xs v)");
    assertThat(sexp("[for i, v in xs : i if v != \"\"]")).isEqualTo("(for i v xs i if (NOT_EQUAL v (tpl)))");
    assertThat(((Expression.ForExpr) parse("[for v in xs : v]")).producesObject()).isFalse();
  }

  @Test
  void objectForExpressionWithGroupingAndCondition() {
    Expression.ForExpr forExpr = (Expression.ForExpr) parse("{for k, v in m : v => k... if k != null}");
    assertThat(forExpr.producesObject()).isTrue();
    assertThat(forExpr.grouping()).isTrue();
    assertThat(Sexp.of(forExpr)).isEqualTo("(for k v m v => k ... if (NOT_EQUAL k null))");
  }

  @Test
  void forExpressionsIgnoreNewlines() {
    assertThat(sexp("{\n  for k, v in m :\n  k => v\n}")).isEqualTo("(for k v m k => v)");
    assertThat(sexp("[\n for v in xs :\n v\n if v\n]")).isEqualTo("(for null v xs v if v)");
  }

  @Test
  void parenthesizedForIsAVariableInATuple() {
    assertThat(sexp("[(for), foo]")).isEqualTo("[(paren for) foo]");
  }

  @Test
  void everyNodeRangeCoversItsOriginalText() {
    String expression = "cond ? merge(local.a, { b = [1, 2][0] }) : -x.y[*].z";
    HclFile file = file(expression);
    Expression.Conditional conditional = (Expression.Conditional) file.body().attribute("x").orElseThrow().value();
    assertThat(file.text(conditional.range())).isEqualTo(expression);
    Expression.FunctionCall merge = (Expression.FunctionCall) conditional.whenTrue();
    assertThat(file.text(merge.range())).isEqualTo("merge(local.a, { b = [1, 2][0] })");
    assertThat(file.text(merge.args().get(0).range())).isEqualTo("local.a");
    Expression.ObjectCons object = (Expression.ObjectCons) merge.args().get(1);
    assertThat(file.text(object.range())).isEqualTo("{ b = [1, 2][0] }");
    assertThat(file.text(object.items().get(0).value().range())).isEqualTo("[1, 2][0]");
    assertThat(file.text(conditional.whenFalse().range())).isEqualTo("-x.y[*].z");
    assertThat(file.text(((Expression.Unary) conditional.whenFalse()).operand().range())).isEqualTo("x.y[*].z");
  }

  @Test
  void positionsAreOneBasedLinesAndColumnsWithZeroBasedOffsets() {
    HclFile file = HclParser.parse("t.hcl", "a = 1\nbb = \"x\"\n");
    Attribute bb = file.body().attribute("bb").orElseThrow();
    assertThat(bb.range().start()).isEqualTo(new SourcePos(2, 1, 6));
    assertThat(bb.value().range().start()).isEqualTo(new SourcePos(2, 6, 11));
    assertThat(bb.value().range().end()).isEqualTo(new SourcePos(2, 9, 14));
    assertThat(bb.range().file()).isEqualTo("t.hcl");
  }
}
