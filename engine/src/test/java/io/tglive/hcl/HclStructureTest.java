package io.tglive.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HclStructureTest {

  private static HclFile parse(String source) {
    return HclParser.parse("test.hcl", source);
  }

  @Test
  void emptyFileHasAnEmptyBody() {
    HclFile file = parse("");
    assertThat(file.body().attributes()).isEmpty();
    assertThat(file.body().blocks()).isEmpty();
    assertThat(file.name()).isEqualTo("test.hcl");
  }

  @Test
  void attributesKeepSourceOrderAndRanges() {
    HclFile file = parse("b = 1\na = 2");
    assertThat(file.body().attributes()).extracting(Attribute::name).containsExactly("b", "a");
    assertThat(file.text(file.body().attributes().get(1).range())).isEqualTo("a = 2");
  }

  @Test
  void blocksTakeQuotedAndIdentifierLabels() {
    HclFile file = parse("resource \"aws_vpc\" main {\n  cidr = \"10.0.0.0/16\"\n}\n");
    Block block = file.body().blocks().get(0);
    assertThat(block.type()).isEqualTo("resource");
    assertThat(block.labels()).containsExactly("aws_vpc", "main");
    assertThat(block.body().attribute("cidr")).isPresent();
    assertThat(file.text(block.range())).startsWith("resource").endsWith("}");
    assertThat(file.text(block.body().range())).startsWith("{").endsWith("}");
  }

  @Test
  void quotedLabelsDecodeEscapes() {
    assertThat(parse("a \"x\\ty\" {}\n").body().blocks().get(0).labels()).containsExactly("x\ty");
  }

  @Test
  void nestedBlocksAreChildrenOfTheirBody() {
    HclFile file = parse("terraform {\n  extra_arguments \"retry\" {\n    commands = [\"plan\"]\n  }\n}\n");
    Block terraform = file.body().blocks("terraform").get(0);
    assertThat(terraform.body().blocks("extra_arguments").get(0).labels()).containsExactly("retry");
  }

  @Test
  void oneLineBlocksHoldOneAttributeOrNothing() {
    HclFile file = parse("a { b = 1 }\nc {}\nd \"l\" { e = [1, 2] }\n");
    assertThat(file.body().blocks()).extracting(Block::type).containsExactly("a", "c", "d");
    assertThat(file.body().blocks("a").get(0).body().attribute("b")).isPresent();
    assertThat(file.body().blocks("c").get(0).body().attributes()).isEmpty();
  }

  @Test
  void attributeMayEndAtEndOfFileOrAtTheBlockBrace() {
    assertThat(parse("a = 1").body().attribute("a")).isPresent();
    assertThat(parse("x {\n  a = 1 }").body().blocks().get(0).body().attribute("a")).isPresent();
  }

  @Test
  void commentsOfAllThreeFormsAreIgnored() {
    HclFile file = parse("# hash\n// slashes\n/* block\n comment */ a = 1 # trailing\nb = /* inline */ 2 // end\n");
    assertThat(file.body().attributes()).extracting(Attribute::name).containsExactly("a", "b");
  }

  @Test
  void lineCommentWithoutFinalNewlineEndsTheFile() {
    assertThat(parse("a = 1 # no newline").body().attribute("a")).isPresent();
  }

  @Test
  void newlinesInsideBracketsAreIgnored() {
    HclFile file = parse("a = [\n  1,\n\n  2\n]\nb = f(\n  1\n)\nc = (\n 1\n)\n");
    assertThat(file.body().attributes()).hasSize(3);
  }

  @Test
  void crlfLineEndingsAreNewlines() {
    HclFile file = parse("a = 1\r\nb {\r\n  c = \"x\"\r\n}\r\n");
    assertThat(file.body().attribute("a")).isPresent();
    assertThat(file.body().blocks("b").get(0).body().attribute("c")).isPresent();
    assertThat(file.body().attribute("a").orElseThrow().value().range().end().line()).isEqualTo(1);
  }

  @Test
  void leadingByteOrderMarkIsSkippedAndOffsetsStayInTheOriginalText() {
    HclFile file = parse("\uFEFFa = \"v\"\n");
    Attribute a = file.body().attribute("a").orElseThrow();
    assertThat(file.text(a.value().range())).isEqualTo("\"v\"");
    assertThat(a.range().start().offset()).isEqualTo(1);
  }

  @Test
  void tabsCountAsOneColumn() {
    HclFile file = parse("\ta\t=\t1\n");
    Attribute a = file.body().attribute("a").orElseThrow();
    assertThat(a.range().start().column()).isEqualTo(2);
    assertThat(a.value().range().start().column()).isEqualTo(6);
  }

  @Test
  void unicodeIdentifiersWithDashesAreAccepted() {
    HclFile file = parse("région-été = 1\n名前 = ünïcode\n");
    assertThat(file.body().attributes()).extracting(Attribute::name).containsExactly("région-été", "名前");
    assertThat(Sexp.of(file.body().attribute("名前").orElseThrow().value())).isEqualTo("ünïcode");
  }

  @Test
  void keywordsAreOrdinaryNamesForAttributesAndBlocks() {
    HclFile file = parse("exclude {\n  if = true\n  actions = [\"all\"]\n}\nfor = 1\nin {}\n");
    Block exclude = file.body().blocks("exclude").get(0);
    assertThat(exclude.body().attributes()).extracting(Attribute::name).containsExactly("if", "actions");
    assertThat(file.body().attribute("for")).isPresent();
  }

  @Test
  void sameAttributeNameInDifferentBodiesIsAllowed() {
    HclFile file = parse("a = 1\nb {\n  a = 2\n}\nb {\n  a = 3\n}\n");
    assertThat(file.body().blocks("b")).hasSize(2);
  }

  @Test
  void fileKeepsItsSourceText() {
    String source = "a = 1\n";
    assertThat(parse(source).source()).isSameAs(source);
  }
}
