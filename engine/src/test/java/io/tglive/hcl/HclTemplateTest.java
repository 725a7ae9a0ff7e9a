package io.tglive.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HclTemplateTest {

  private static HclFile file(String expression) {
    return HclParser.parse("test.hcl", "x = " + expression + "\n");
  }

  private static Expression.Template parse(String expression) {
    return (Expression.Template) file(expression).body().attribute("x").orElseThrow().value();
  }

  private static String sexp(String expression) {
    return Sexp.of(parse(expression));
  }

  @Test
  void quotedStringIsATemplateWithOneLiteral() {
    assertThat(sexp("\"hello\"")).isEqualTo("(tpl 'hello')");
  }

  @Test
  void emptyStringHasNoParts() {
    assertThat(parse("\"\"").parts()).isEmpty();
  }

  @Test
  void escapeSequencesAreDecoded() {
    assertThat(sexp("\"a\\nb\\rc\\td\\\"e\\\\f\"")).isEqualTo("(tpl 'a\nb\rc\td\"e\\f')");
  }

  @Test
  void unicodeEscapesDecodeBmpAndSupplementaryCharacters() {
    assertThat(sexp("\"\\u00e9\\U0001F600\"")).isEqualTo("(tpl 'é\uD83D\uDE00')");
  }

  @Test
  void dollarAndPercentDoublingEscapeTemplateSequences() {
    assertThat(sexp("\"$${a} %%{b} $ % $$ 100%\"")).isEqualTo("(tpl '${a} %{b} $ % $$ 100%')");
  }

  @Test
  void interpolationSplitsLiterals() {
    assertThat(sexp("\"${a}/../vpc\"")).isEqualTo("(tpl ${a} '/../vpc')");
    assertThat(sexp("\"pre-${a.b}-${f(1)}\"")).isEqualTo("(tpl 'pre-' ${(. a b)} '-' ${(f 1)})");
  }

  @Test
  void singleInterpolationTemplateHasOnlyThatPart() {
    Expression.Template template = parse("\"${true}\"");
    assertThat(template.parts()).hasSize(1).first().isInstanceOf(TemplatePart.Interpolation.class);
  }

  @Test
  void interpolationsNestTemplatesAndIgnoreNewlines() {
    assertThat(sexp("\"${ \"in${x}\" }\"")).isEqualTo("(tpl ${(tpl 'in' ${x})})");
    assertThat(sexp("\"${\n  a +\n  b\n}\"")).isEqualTo("(tpl ${(ADD a b)})");
    assertThat(sexp("\"${ {a = 1}.a }\"")).isEqualTo("(tpl ${(. {(tpl 'a')=1} a)})");
  }

  @Test
  void interpolationRangeIncludesItsDelimiters() {
    HclFile file = file("\"a ${b} c\"");
    Expression.Template template = (Expression.Template) file.body().attribute("x").orElseThrow().value();
    assertThat(file.text(template.parts().get(1).range())).isEqualTo("${b}");
    assertThat(file.text(template.parts().get(0).range())).isEqualTo("a ");
  }

  @Test
  void stripMarkersTrimAdjacentLiteralWhitespace() {
    assertThat(sexp("\"hello ${~ \"world\" }\"")).isEqualTo("(tpl 'hello' ${~(tpl 'world')})");
    assertThat(sexp("\"${a ~}  \\t b\"")).isEqualTo("(tpl ${a~} 'b')");
    assertThat(sexp("\"${\"hello\" ~}${\" world\"}\"")).isEqualTo("(tpl ${(tpl 'hello')~} ${(tpl ' world')})");
  }

  @Test
  void strippedLiteralThatBecomesEmptyIsKept() {
    assertThat(sexp("\" ${~x}\"")).isEqualTo("(tpl '' ${~x})");
  }

  @Test
  void ifDirectiveWithAndWithoutElse() {
    assertThat(sexp("\"%{ if a }yes%{ else }no%{ endif }\"")).isEqualTo("(tpl (if a ['yes'] ['no']))");
    assertThat(sexp("\"x%{ if a }yes%{ endif }y\"")).isEqualTo("(tpl 'x' (if a ['yes'] []) 'y')");
  }

  @Test
  void ifDirectiveStripMarkersApplyToLiteralsInsideAndOutside() {
    assertThat(sexp("\"%{ if true ~} hello %{~ endif }\"")).isEqualTo("(tpl (if true ['hello'] []))");
    assertThat(sexp("\"a %{~ if b ~} c %{~ else ~} d %{~ endif ~} e\""))
        .isEqualTo("(tpl 'a' (if b ['c'] ['d']) 'e')");
  }

  @Test
  void forDirectiveWithOneOrTwoVariables() {
    assertThat(sexp("\"%{ for v in xs }${v},%{ endfor }\"")).isEqualTo("(tpl (for null v xs [${v} ',']))");
    assertThat(sexp("\"%{ for k, v in m }${k}=${v}%{ endfor }\"")).isEqualTo("(tpl (for k v m [${k} '=' ${v}]))");
  }

  @Test
  void directivesNest() {
    assertThat(sexp("\"%{ for v in xs }%{ if v }[${v}]%{ endif }%{ endfor }\""))
        .isEqualTo("(tpl (for null v xs [(if v ['[' ${v} ']'] [])]))");
  }

  @Test
  void directiveRangeSpansOpeningToClosingDirective() {
    HclFile file = file("\"<%{ if a }b%{ endif }>\"");
    Expression.Template template = (Expression.Template) file.body().attribute("x").orElseThrow().value();
    assertThat(file.text(template.parts().get(1).range())).isEqualTo("%{ if a }b%{ endif }");
  }

  @Test
  void heredocKeepsLinesVerbatimIncludingFinalNewline() {
    assertThat(sexp("<<EOF\n  hello\n    world\nEOF")).isEqualTo("(tpl '  hello\n    world\n')");
  }

  @Test
  void heredocLinesMergeIntoOneLiteralCoveringAllLines() {
    String lines = "line\n".repeat(50_000);
    HclFile file = file("<<EOF\n" + lines + "EOF");
    Expression.Template template = (Expression.Template) file.body().attribute("x").orElseThrow().value();
    assertThat(template.parts()).hasSize(1);
    assertThat(((TemplatePart.Literal) template.parts().get(0)).text()).isEqualTo(lines);
    assertThat(file.text(template.parts().get(0).range())).isEqualTo(lines);
  }

  @Test
  void heredocDoesNotDecodeBackslashEscapes() {
    assertThat(sexp("<<EOF\na\\nb \"q\"\nEOF")).isEqualTo("(tpl 'a\\nb \"q\"\n')");
  }

  @Test
  void emptyHeredocHasNoParts() {
    assertThat(parse("<<EOF\nEOF").parts()).isEmpty();
  }

  @Test
  void heredocWithDashStripsCommonIndentation() {
    assertThat(sexp("<<-EOT\n    a\n      b\n    c\n    EOT")).isEqualTo("(tpl 'a\n  b\nc\n')");
  }

  @Test
  void heredocWithDashIgnoresBlankLinesWhenMeasuringIndentation() {
    assertThat(sexp("<<-EOT\n    a\n\n  \n    b\n  EOT")).isEqualTo("(tpl 'a\n\n  \nb\n')");
  }

  @Test
  void heredocWithDashCountsLineLeadingInterpolationAsNoIndentation() {
    assertThat(sexp("<<-EOT\n  a\n${x}\n  EOT")).isEqualTo("(tpl '  a\n' ${x} '\n')");
  }

  @Test
  void heredocWithDashStripsIndentationBeforeInterpolations() {
    assertThat(sexp("<<-EOT\n    region = \"${r}\"\n    EOT")).isEqualTo("(tpl 'region = \"' ${r} '\"\n')");
  }

  @Test
  void heredocTerminatorMayBeIndentedInBothForms() {
    assertThat(sexp("<<EOF\nx\n    EOF")).isEqualTo("(tpl 'x\n')");
    assertThat(sexp("<<-EOF\n  x\n  EOF")).isEqualTo("(tpl 'x\n')");
  }

  @Test
  void heredocMarkerInsideTextDoesNotEndIt() {
    assertThat(sexp("<<EOF\nEOFX\nsay EOF\nEOF")).isEqualTo("(tpl 'EOFX\nsay EOF\n')");
  }

  @Test
  void heredocSupportsInterpolationsDirectivesAndEscapes() {
    assertThat(sexp("<<EOF\n$${x} ${y}\n%{ for v in l }${v}\n%{ endfor }\nEOF"))
        .isEqualTo("(tpl '${x} ' ${y} '\n' (for null v l [${v} '\n']) '\n')");
  }

  @Test
  void heredocStripMarkerTrimsOnlyTheAdjacentLine() {
    assertThat(sexp("<<EOF\n%{ if a ~}\n  b\n%{ endif ~}\nEOF")).isEqualTo("(tpl (if a ['  b\n'] []) '')");
  }

  @Test
  void heredocRangeRunsFromIntroducerToClosingMarker() {
    HclFile file = HclParser.parse("t.hcl", "x = <<EOF\nhi\nEOF\ny = 1\n");
    Expression value = file.body().attribute("x").orElseThrow().value();
    assertThat(file.text(value.range())).isEqualTo("<<EOF\nhi\nEOF");
    assertThat(file.body().attribute("y")).isPresent();
  }

  @Test
  void heredocInCrlfFileYieldsLfLines() {
    HclFile file = HclParser.parse("t.hcl", "x = <<EOF\r\na\r\nb\r\nEOF\r\ny = 1\r\n");
    assertThat(Sexp.of(file.body().attribute("x").orElseThrow().value())).isEqualTo("(tpl 'a\nb\n')");
  }

  @Test
  void heredocAsFunctionArgument() {
    HclFile file = HclParser.parse("t.hcl", "x = trimspace(<<EOF\nhi\nEOF\n)\n");
    assertThat(Sexp.of(file.body().attribute("x").orElseThrow().value())).isEqualTo("(trimspace (tpl 'hi\n'))");
  }
}
