package io.tglive.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class HclSyntaxErrorTest {

  private static HclSyntaxException error(String source) {
    HclSyntaxException e = catchThrowableOfType(HclSyntaxException.class, () -> HclParser.parse("bad.hcl", source));
    assertThat(e).as("expected a syntax error for %s", source).isNotNull();
    return e;
  }

  private static void assertError(String source, int line, int column, String detail) {
    HclSyntaxException e = error(source);
    assertThat(e.detail()).isEqualTo(detail);
    assertThat(e.line()).as("line").isEqualTo(line);
    assertThat(e.column()).as("column").isEqualTo(column);
  }

  @Test
  void messageReadsFileLineColumnAndDetail() {
    HclSyntaxException e = error("a = }");
    assertThat(e.getMessage()).isEqualTo("bad.hcl:1:5: unexpected \"}\" : expected an expression");
    assertThat(e.file()).isEqualTo("bad.hcl");
  }

  @Test
  void missingExpressionNamesTheOffendingToken() {
    assertError("a = \n", 1, 5, "unexpected newline : expected an expression");
    assertError("a =", 1, 4, "unexpected end of file : expected an expression");
    assertError("a = [1, ]]", 1, 10, "unexpected \"]\" : expected a newline after the attribute value");
  }

  @Test
  void unterminatedStringNamesLineAndColumn() {
    assertError("a = 1\nb = \"abc\n", 2, 5, "unterminated string");
    assertError("b = \"abc", 1, 5, "unterminated string");
  }

  @Test
  void unterminatedHeredocNamesItsMarker() {
    assertError("a = <<EOF\nhello\n", 1, 5, "unterminated heredoc; expected marker EOF");
    assertError("a = <<-END\n  hi\n  ENDX\n", 1, 5, "unterminated heredoc; expected marker END");
  }

  @Test
  void heredocIntroducerNeedsAnIdentifierAndNewline() {
    assertError("a = <<EOF x\nEOF\n", 1, 5, "invalid heredoc introduction; expected an identifier and a newline after \"<<\"");
    assertError("a = <<-\nEOF\n", 1, 5, "invalid heredoc introduction; expected an identifier and a newline after \"<<-\"");
  }

  @Test
  void unterminatedBlockCommentNamesWhereItStarts() {
    assertError("a = 1\n  /* never closed\n", 2, 3, "unterminated block comment");
  }

  @Test
  void invalidEscapeSequenceNamesTheEscape() {
    assertError("a = \"x\\qy\"", 1, 7, "invalid escape sequence \\q");
    assertError("a = \"\\u12G4\"", 1, 6, "invalid escape sequence \\u12G");
    assertError("a = \"\\UFFFFFFFF\"", 1, 6, "invalid escape sequence \\UFFFFFFFF (not a Unicode character)");
    assertError("a = \"\\uD800\"", 1, 6, "invalid escape sequence \\uD800 (not a Unicode character)");
  }

  @Test
  void invalidCharactersAreNamed() {
    assertError("a = @", 1, 5, "invalid character \"@\"");
    assertError("a = 'x'", 1, 5, "invalid character \"'\"; strings use double quotes");
    assertError("a = b & c", 1, 7, "invalid character \"&\"");
    assertError("a = b | c", 1, 7, "invalid character \"|\"");
    assertError("a = \u0001", 1, 5, "invalid character U+0001");
    assertError("a = \"${x ~ }\"", 1, 10, "invalid character \"~\"");
  }

  @Test
  void duplicateAttributeNamesBothLines() {
    assertError("a = 1\nb = 2\na = 3\n", 3, 1, "duplicate attribute \"a\" on line 3; first defined on line 1");
    assertError("x {\n  a = 1\n  a = 2\n}\n", 3, 3, "duplicate attribute \"a\" on line 3; first defined on line 2");
  }

  @Test
  void bodyItemMustStartWithAName() {
    assertError("\"a\" = 1", 1, 1, "unexpected string : expected an attribute name or a block type");
    assertError("}", 1, 1, "unexpected \"}\" : expected an attribute name or a block type");
  }

  @Test
  void attributeNeedsANewlineBeforeTheNext() {
    assertError("a = 1 b = 2", 1, 7, "unexpected \"b\" : expected a newline after the attribute value");
  }

  @Test
  void blockNeedsANewlineAfterItsClosingBrace() {
    assertError("a {} b = 1", 1, 6, "unexpected \"b\" : expected a newline after the block");
  }

  @Test
  void blockHeaderAcceptsOnlyLabelsBeforeTheBrace() {
    assertError("a b 1 {}", 1, 5, "unexpected \"1\" : expected \"=\", a block label or \"{\"");
    assertError("a", 1, 2, "unexpected end of file : expected \"=\", a block label or \"{\"");
  }

  @Test
  void unclosedBlockNamesTheLineItOpened() {
    assertError("a = 1\nb {\n  c = 1\n", 4, 1, "unexpected end of file : expected \"}\" to close the block \"b\" opened on line 2");
  }

  @Test
  void blockLabelsCannotInterpolate() {
    assertError("a \"${x}\" {}", 1, 3, "block labels cannot contain interpolations or directives");
  }

  @Test
  void conditionalNeedsAColon() {
    assertError("a = b ? c d", 1, 11, "unexpected \"d\" : expected \":\" in the conditional expression");
  }

  @Test
  void traversalErrors() {
    assertError("a = b.", 1, 7, "unexpected end of file : expected an attribute name after \".\"");
    assertError("a = b.0.1", 1, 7, "unexpected \"0.1\" : expected an attribute name or a whole-number index after \".\"");
    assertError("a = b[*", 1, 8, "unexpected end of file : expected \"]\" after \"[*\"");
    assertError("a = b[1", 1, 8, "unexpected end of file : expected \"]\" to close the index");
  }

  @Test
  void hugeExponentIsAnInvalidNumber() {
    assertError("a = 1e99999999999", 1, 5, "invalid number \"1e99999999999\"");
  }

  @Test
  void functionCallErrors() {
    assertError("a = f(1 2)", 1, 9, "unexpected \"2\" : expected \",\" or \")\" in the arguments of f()");
    assertError("a = f(x..., y)", 1, 11, "unexpected \",\" : expected \")\" after the expanded final argument");
    assertError("a = p::", 1, 8, "unexpected end of file : expected a name after \"::\"");
    assertError("a = p::f", 1, 9, "unexpected end of file : expected \"(\" after the function name \"p::f\"");
  }

  @Test
  void parenthesisMustClose() {
    assertError("a = (1", 1, 7, "unexpected end of file : expected \")\" to close the parenthesis");
  }

  @Test
  void tupleNeedsCommasBetweenItems() {
    assertError("a = [1\n2]", 2, 1, "unexpected \"2\" : expected \",\" or \"]\" in the tuple");
  }

  @Test
  void objectErrors() {
    assertError("a = { b 1 }", 1, 9, "unexpected \"1\" : expected \"=\" or \":\" after the object key");
    assertError("a = { b = 1 c = 2 }", 1, 13, "unexpected \"c\" : expected a newline, \",\" or \"}\" after the object item");
    assertError("a = { for = 1 }", 1, 11, "unexpected \"=\" : expected a variable name after \"for\"");
  }

  @Test
  void forExpressionErrors() {
    assertError("a = [for x y]", 1, 12, "unexpected \"y\" : expected \"in\" after the for variables");
    assertError("a = [for x, 1 in y : x]", 1, 13, "unexpected \"1\" : expected a second variable name after \",\"");
    assertError("a = [for x in y x]", 1, 17, "unexpected \"x\" : expected \":\" after the for collection");
    assertError("a = {for x in y : x}", 1, 20, "unexpected \"}\" : expected \"=>\" after the key of an object for expression");
    assertError("a = {for x in y : x => x y}", 1, 26, "unexpected \"y\" : expected \"...\", \"if\" or \"}\" to end the for expression");
    assertError("a = [for x in y : x...]", 1, 20, "unexpected \"...\" : expected \"if\" or \"]\" to end the for expression");
  }

  @Test
  void interpolationMustClose() {
    assertError("a = \"${x y}\"", 1, 10, "unexpected \"y\" : expected \"}\" to close the interpolation");
    assertError("a = \"${x", 1, 9, "unexpected end of file : expected \"}\" to close the interpolation");
  }

  @Test
  void directiveErrors() {
    assertError("a = \"%{ while x }\"", 1, 9, "unexpected \"while\" : expected a template directive (if, else, endif, for, endfor)");
    assertError("a = \"%{ 1 }\"", 1, 9, "unexpected \"1\" : expected a template directive (if, else, endif, for, endfor)");
    assertError("a = \"%{ if x y }\"", 1, 14, "unexpected \"y\" : expected \"}\" to close the %{ if } directive");
    assertError("a = \"%{ for 1 in x }%{ endfor }\"", 1, 13, "unexpected \"1\" : expected a variable name after \"for\"");
    assertError("a = \"%{ for a b }%{ endfor }\"", 1, 15, "unexpected \"b\" : expected \"in\" after the for variables");
  }

  @Test
  void unbalancedDirectivesNameTheDirective() {
    assertError("a = \"x%{ endif }\"", 1, 7, "unexpected %{ endif } : no matching %{ if }");
    assertError("a = \"%{ endfor }\"", 1, 6, "unexpected %{ endfor } : no matching %{ for }");
    assertError("a = \"%{ if x }y\"", 1, 6, "unterminated %{ if }; expected %{ endif }");
    assertError("a = \"%{ for v in x }%{ else }%{ endfor }\"", 1, 21, "unexpected %{ else } inside %{ for }; expected %{ endfor }");
    assertError("a = \"%{ if x }%{ else }%{ else }%{ endif }\"", 1, 24, "unexpected %{ else } inside %{ if }; expected %{ endif }");
  }

  @Test
  void deepNestingIsReportedNotOverflowed() {
    String deep = "a = " + "[".repeat(300) + "]".repeat(300);
    assertThat(error(deep).detail()).isEqualTo("nesting too deep (limit 256)");
    assertThat(error("a = " + "(".repeat(10_000)).detail()).isEqualTo("nesting too deep (limit 256)");
    assertThat(error("a = " + "!".repeat(10_000) + "x").detail()).isEqualTo("nesting too deep (limit 256)");
    assertThat(error("a = " + "\"${".repeat(1000)).detail()).isEqualTo("nesting too deep (limit 256)");
    assertThat(error("a {\n".repeat(1000)).detail()).isEqualTo("nesting too deep (limit 256)");
    assertThat(error("a = x" + ".*.y".repeat(300)).detail()).isEqualTo("nesting too deep (limit 256)");
  }

  @Test
  void flatChainsOfOperatorsAndStepsAreNotNesting() {
    for (String operator : new String[] {" + ", " && ", " || ", " * ", " == "}) {
      String chain = "a = x" + (operator + "x").repeat(1_000) + "\n";
      assertThat(HclParser.parse("ok.hcl", chain).body().attribute("a")).as(operator).isPresent();
    }
    assertThat(HclParser.parse("ok.hcl", "a = x" + ".attr".repeat(1_000) + "\n").body().attribute("a")).isPresent();
    assertThat(HclParser.parse("ok.hcl", "a = x" + "[0]".repeat(1_000) + "\n").body().attribute("a")).isPresent();
    assertThat(HclParser.parse("ok.hcl", "a = (" + "1 + ".repeat(1_000) + "1)" + " * 2".repeat(1_000) + "\n")
        .body().attribute("a")).isPresent();
  }

  @Test
  void flatChainsAreBoundedWithAClearMessage() {
    assertThat(error("a = x" + " + x".repeat(10_001)).detail()).isEqualTo("operator chain too long (limit 10000 operators)");
    assertThat(error("a = x" + ".y".repeat(10_001)).detail()).isEqualTo("traversal chain too long (limit 10000 steps)");
  }

  @Test
  void deeplyNestedInputNeverOverflowsTheStackEvenOnASmallOne() throws Exception {
    String[] inputs = {
        "a = " + "[".repeat(100_000), "a = " + "{a = ".repeat(50_000), "a = " + "f(".repeat(50_000),
        "a = " + "x ? ".repeat(50_000), "a = " + "-".repeat(100_000) + "1", "a = \"" + "${\"".repeat(50_000),
        "a = " + "[for x in ".repeat(50_000), "a = x" + " + x".repeat(9_999) + "\n"};
    for (String input : inputs) {
      Throwable[] thrown = new Throwable[1];
      Thread small = new Thread(null, () -> {
        try {
          HclParser.parse("deep.hcl", input);
        } catch (Throwable t) {
          thrown[0] = t;
        }
      }, "small-stack", 256 * 1024);
      small.start();
      small.join();
      assertThat(thrown[0] == null || thrown[0] instanceof HclSyntaxException).as("%s", thrown[0]).isTrue();
    }
  }

  @Test
  void nestingBelowTheLimitParses() {
    String nested = "a = " + "[".repeat(100) + "]".repeat(100) + "\n";
    assertThat(HclParser.parse("ok.hcl", nested).body().attribute("a")).isPresent();
  }

  @Test
  void nullArgumentsAreProgrammingErrors() {
    assertThatThrownBy(() -> HclParser.parse("x", (String) null)).isInstanceOf(NullPointerException.class);
  }
}
