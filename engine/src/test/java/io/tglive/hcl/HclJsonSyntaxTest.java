package io.tglive.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HclJsonSyntaxTest {

  private static final String CONFIG = """
      {
        "//": "a comment, ignored",
        "include": {"root": {"path": "${find_in_parent_folders(\\"root.hcl\\")}", "expose": true}},
        "locals": {"env": "prod", "region": "${upper(\\"eu\\")}-west", "n": 3, "tags": {"team": "${local.env}"}},
        "dependency": {"vpc": {"config_path": "../vpc", "mock_outputs": {"id": "vpc-1"}}},
        "dependencies": {"paths": ["../a", "../b"]},
        "terraform": {
          "source": "../modules//app",
          "before_hook": {"lint": {"commands": ["plan"], "execute": ["tflint"]}}
        },
        "generate": {"provider": {"path": "p.tf", "if_exists": "overwrite", "contents": "x"}},
        "inputs": {"vpc_id": "${dependency.vpc.outputs.id}", "count": 2, "enabled": true, "nothing": null}
      }
      """;

  private static final String NATIVE = """
      include "root" {
        path = "${find_in_parent_folders("root.hcl")}"
        expose = true
      }
      locals {
        env = "prod"
        region = "${upper("eu")}-west"
        n = 3
        tags = {"team" = "${local.env}"}
      }
      dependency "vpc" {
        config_path = "../vpc"
        mock_outputs = {"id" = "vpc-1"}
      }
      dependencies {
        paths = ["../a", "../b"]
      }
      terraform {
        source = "../modules//app"
        before_hook "lint" {
          commands = ["plan"]
          execute = ["tflint"]
        }
      }
      generate "provider" {
        path = "p.tf"
        if_exists = "overwrite"
        contents = "x"
      }
      inputs = {"vpc_id" = "${dependency.vpc.outputs.id}", "count" = 2, "enabled" = true, "nothing" = null}
      """;

  @Test
  void aTerragruntJsonConfigParsesToTheSameTreeAsItsNativeTwin() {
    Body json = HclParser.parse("live/app/terragrunt.hcl.json", CONFIG).body();
    Body hcl = HclParser.parse("live/app/terragrunt.hcl", NATIVE).body();
    assertThat(shape(json)).isEqualTo(shape(hcl));
    assertThat(json.blocks("include").get(0).labels()).containsExactly("root");
    assertThat(json.blocks("terraform").get(0).body().blocks("before_hook").get(0).labels()).containsExactly("lint");
  }

  @Test
  void sourceRangesPointIntoTheJsonText() {
    HclFile file = HclParser.parse("t.hcl.json", CONFIG);
    Expression region = file.body().blocks("locals").get(0).body().attribute("region").orElseThrow().value();
    assertThat(file.text(region.range())).isEqualTo("\"${upper(\\\"eu\\\")}-west\"");
    assertThat(region.range().line()).isEqualTo(4);
    // With JSON escapes, the parts of the decoded template are located at the whole string.
    Expression call = ((TemplatePart.Interpolation) ((Expression.Template) region).parts().get(0)).expression();
    assertThat(file.text(call.range())).isEqualTo(file.text(region.range()));
    // Without escapes, every part has its exact range.
    Expression path = file.body().blocks("dependency").get(0).body().attribute("config_path").orElseThrow().value();
    assertThat(file.text(path.range())).isEqualTo("\"../vpc\"");
    Expression inputs = file.body().attribute("inputs").orElseThrow().value();
    Expression vpcId = ((Expression.ObjectCons) inputs).items().get(0).value();
    Expression traversal = ((TemplatePart.Interpolation) ((Expression.Template) vpcId).parts().get(0)).expression();
    assertThat(file.text(traversal.range())).isEqualTo("dependency.vpc.outputs.id");
    assertThat(traversal.range().describe()).isEqualTo("t.hcl.json:12:27");
  }

  @Test
  void aBareIncludeIsAnUnlabelledBlockAsTerragruntRewritesIt() {
    Body body = HclParser.parse("t.hcl.json", "{\"include\": {\"path\": \"../root.hcl\"}}").body();
    assertThat(body.blocks("include")).singleElement().satisfies(b -> assertThat(b.labels()).isEmpty());
    Body list = HclParser.parse("t.hcl.json", "{\"include\": [{\"path\": \"../root.hcl\"}]}").body();
    assertThat(list.blocks("include")).singleElement().satisfies(b -> assertThat(b.labels()).isEmpty());
  }

  @Test
  void blocksGivenAsArraysAndNestedLabelLevelsMakeSeveralBlocks() {
    Body body = HclParser.parse("t.hcl.json", """
        {"dependency": [{"a": {"config_path": "../a"}}, {"b": [{"config_path": "../b"}]}],
         "feature": {"x": {"default": false}, "y": {"default": 1}}}
        """).body();
    assertThat(body.blocks("dependency")).extracting(b -> b.labels().get(0)).containsExactly("a", "b");
    assertThat(body.blocks("feature")).extracting(b -> b.labels().get(0)).containsExactly("x", "y");
  }

  @Test
  void stringsAreTemplatesAndKeepJsonEscapes() {
    Body body = HclParser.parse("t.hcl.json", "{\"a\": \"x\\ny\\t\\u00e9\\\"\", \"b\": \"$${literal}\", \"c\": \"a\\/b\"}").body();
    assertThat(Sexp.of(body.attribute("a").orElseThrow().value())).isEqualTo(Sexp.of(HclParser.parse("t.hcl", "a = \"x\\ny\\t\\u00e9\\\"\"").body().attribute("a").orElseThrow().value()));
    assertThat(Sexp.of(body.attribute("b").orElseThrow().value())).isEqualTo("(tpl '${literal}')");
    assertThat(Sexp.of(body.attribute("c").orElseThrow().value())).isEqualTo("(tpl 'a/b')");
  }

  @Test
  void badJsonIsASyntaxErrorAtFileLineColumn() {
    assertThat(error("{\"a\": 1,\n \"b\" 2}")).isEqualTo("t.hcl.json:2:6: unexpected \"2\" : expected \":\" after the property name");
    assertThat(error("[1]")).isEqualTo("t.hcl.json:1:1: the root of an HCL JSON file must be an object");
    assertThat(error("{\"a\": 1, \"a\": 2}")).isEqualTo("t.hcl.json:1:10: duplicate attribute \"a\" on line 1; first defined on line 1");
    assertThat(error("{\"a\": \"${\"}")).startsWith("t.hcl.json:1:");
    assertThat(error("{\"a\": 01}")).isEqualTo("t.hcl.json:1:7: invalid number 01");
    assertThat(error("{\"locals\": \"x\"}")).isEqualTo("t.hcl.json:1:12: the block \"locals\" needs a block body object here");
    assertThat(error("{\"a\": " + "[".repeat(1000))).isEqualTo("t.hcl.json:1:263: nesting too deep (limit 256)");
    assertThat(error("{} x")).isEqualTo("t.hcl.json:1:4: unexpected \"x\" after the JSON value");
  }

  @Test
  void invalidUtf8IsAClearErrorNamingFileLineAndColumn() {
    byte[] bytes = "a = 1\nb = \"caf\u00e9\"\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> HclParser.parse("live/app/terragrunt.hcl", bytes))
        .isInstanceOf(HclSyntaxException.class)
        .hasMessage("live/app/terragrunt.hcl:2:9: the file is not UTF-8: invalid byte 0xE9 (save it as UTF-8)");
  }

  @Test
  void aNulByteIsAnErrorAtItsLine() {
    byte[] bytes = "a = 1\nb = \"x\u0000\"\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> HclParser.parse("t.hcl", bytes))
        .hasMessage("t.hcl:2:7: the file contains a NUL byte (is it a binary file?)");
  }

  @Test
  void bytesOfAJsonFileAreParsedAsJson() {
    HclFile file = HclParser.parse("terragrunt.hcl.json", "{\"inputs\": {\"a\": 1}}".getBytes(StandardCharsets.UTF_8));
    assertThat(file.body().attribute("inputs")).isPresent();
  }

  private static String error(String json) {
    try {
      HclParser.parse("t.hcl.json", json);
    } catch (HclSyntaxException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected a syntax error for " + json);
  }

  /** Attributes and blocks with their expressions' shapes, ignoring source ranges. */
  private static String shape(Body body) {
    StringBuilder out = new StringBuilder("{");
    body.attributes().stream().sorted(java.util.Comparator.comparing(Attribute::name))
        .forEach(a -> out.append(a.name()).append('=').append(Sexp.of(a.value())).append(';'));
    body.blocks().stream().sorted(java.util.Comparator.comparing(Block::type))
        .forEach(b -> out.append(b.type()).append(b.labels()).append(shape(b.body())));
    return out.append('}').toString();
  }
}
