package io.tglive.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TerragruntFilesTest {

  static String corpusFile(String name) {
    try (InputStream in = TerragruntFilesTest.class.getResourceAsStream("/hcl-corpus/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HclFile parse(String name) {
    return HclParser.parse(name, corpusFile(name));
  }

  private static Expression value(Body body, String name) {
    return body.attribute(name).orElseThrow().value();
  }

  @Test
  void localsReadParentConfigurationThroughNestedCalls() {
    HclFile file = parse("root.hcl");
    Body locals = file.body().blocks("locals").get(0).body();
    assertThat(Sexp.of(value(locals, "account_vars")))
        .isEqualTo("(read_terragrunt_config (find_in_parent_folders (tpl 'account.hcl')))");
    assertThat(Sexp.of(value(locals, "account_name"))).isEqualTo("(. (. (. local account_vars) locals) account_name)");
  }

  @Test
  void generateBlockHeredocKeepsProviderText() {
    HclFile file = parse("root.hcl");
    Block generate = file.body().blocks("generate").get(0);
    assertThat(generate.labels()).containsExactly("provider");
    Expression contents = value(generate.body(), "contents");
    assertThat(file.text(contents.range())).startsWith("<<EOF\nprovider \"aws\" {").endsWith("}\nEOF");
    assertThat(Sexp.of(contents)).startsWith("(tpl 'provider \"aws\" {\n  region = \"' ${(. local aws_region)}");
  }

  @Test
  void remoteStateConfigIsAnObjectWithInterpolatedBucket() {
    HclFile file = parse("root.hcl");
    Body remoteState = file.body().blocks("remote_state").get(0).body();
    Expression.ObjectCons config = (Expression.ObjectCons) value(remoteState, "config");
    assertThat(config.items()).hasSize(5);
    assertThat(file.text(config.items().get(1).value().range()))
        .isEqualTo("\"${get_env(\"TG_BUCKET_PREFIX\", \"\")}terragrunt-state-${local.account_name}-${local.aws_region}\"");
    assertThat(Sexp.of(value(file.body(), "inputs"))).startsWith("(merge (. (. local account_vars) locals)");
  }

  @Test
  void includeBlocksWithExposeAndMergeStrategy() {
    HclFile file = parse("unit.hcl");
    assertThat(file.body().blocks("include")).extracting(b -> b.labels().get(0)).containsExactly("root", "envcommon");
    Body root = file.body().blocks("include").get(0).body();
    assertThat(value(root, "expose")).isInstanceOf(Expression.BoolLiteral.class);
    assertThat(Sexp.of(value(file.body().blocks("include").get(1).body(), "path")))
        .isEqualTo("(tpl ${(dirname (find_in_parent_folders (tpl 'root.hcl')))} '/_envcommon/mysql.hcl')");
  }

  @Test
  void dependencyBlockConfigPathTextIsTheOriginalQuotedTemplate() {
    HclFile file = parse("unit.hcl");
    Block vpc = file.body().blocks("dependency").get(0);
    assertThat(vpc.labels()).containsExactly("vpc");
    assertThat(file.text(value(vpc.body(), "config_path").range())).isEqualTo("\"${get_terragrunt_dir()}/../vpc\"");
    Expression.ObjectCons mocks = (Expression.ObjectCons) value(vpc.body(), "mock_outputs");
    assertThat(mocks.items()).extracting(i -> Sexp.of(i.key()))
        .containsExactly("(tpl 'vpc_id')", "(tpl 'private_subnets')", "(tpl 'nested')");
    assertThat(vpc.body().attribute("mock_outputs_allowed_terraform_commands")).isPresent();
  }

  @Test
  void terraformBlockNestsHooksAndExtraArguments() {
    HclFile file = parse("unit.hcl");
    Body terraform = file.body().blocks("terraform").get(0).body();
    assertThat(terraform.blocks("extra_arguments").get(0).labels()).containsExactly("retry_lock");
    assertThat(terraform.blocks("before_hook")).hasSize(1);
    assertThat(Sexp.of(value(file.body().blocks("dependencies").get(0).body(), "paths")))
        .isEqualTo("[(tpl '../vpc') (tpl '../kms') (tpl '../../shared/iam')]");
  }

  @Test
  void excludeBlockWithIfFollowedByAnotherAttribute() {
    HclFile file = parse("exclude.hcl");
    Body exclude = file.body().blocks("exclude").get(0).body();
    assertThat(exclude.attributes()).extracting(Attribute::name).containsExactly("if", "actions", "exclude_dependencies");
    assertThat(Sexp.of(value(exclude, "if"))).isEqualTo("(EQUAL (. (. feature enabled) value) false)");
    assertThat(file.body().blocks("errors").get(0).body().blocks()).extracting(Block::type).containsExactly("retry", "ignore");
  }

  @Test
  void commentsAndQuotedObjectKeysInAccountFile() {
    Body locals = parse("account.hcl").body().blocks("locals").get(0).body();
    assertThat(Sexp.of(value(locals, "aws_account_id"))).isEqualTo("(tpl '111122223333')");
    assertThat(Sexp.of(value(locals, "tags"))).isEqualTo("{(tpl 'Team')=(tpl 'platform') (tpl 'cost-center')=42}");
  }

  @Test
  void stripMarkerBeforeLineLeadingDirectiveDisablesIndentedHeredocTrimmingAsInHcl() {
    Body locals = parse("templates.hcl").body().blocks("locals").get(0).body();
    // "%{~" strips the line's leading spaces to an empty literal, which then counts as zero indentation.
    assertThat(Sexp.of(value(locals, "list")))
        .isEqualTo("(tpl '' (for i name (. local names) ['    ' ${i} ': ' ${name} '\n']) '')");
    assertThat(Sexp.of(value(locals, "stripped"))).isEqualTo("(tpl '' ${~(tpl 'x')~} '')");
    assertThat(Sexp.of(value(locals, "escaped")))
        .isEqualTo("(tpl 'literal ${not_interpolated} and %{not_a_directive}')");
  }

  @Test
  void expressionsFileCoversOperatorsSplatsAndFor() {
    Body locals = parse("expressions.hcl").body().blocks("locals").get(0).body();
    assertThat(Sexp.of(value(locals, "ids"))).isEqualTo("(splat (. aws_instance web) (. item id))");
    assertThat(Sexp.of(value(locals, "expanded"))).isEqualTo("(max (. local numbers) ...)");
    assertThat(Sexp.of(value(locals, "provider")))
        .isEqualTo("(provider::terraform::encode_tfvars {(tpl 'a')=1})");
    assertThat(locals.attributes()).hasSize(14);
  }

  @Test
  void crlfAndBomFilesParse() {
    assertThat(Sexp.of(value(parse("crlf.hcl").body().blocks("locals").get(0).body(), "doc"))).isEqualTo("(tpl 'line\n')");
    assertThat(parse("bom-unicode.hcl").body().attributes()).extracting(Attribute::name).containsExactly("name", "été");
  }
}
