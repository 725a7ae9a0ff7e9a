package io.tglive.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every expression of {@code functions/terragrunt-oracle.tsv} evaluates as Terragrunt 1.1.3 evaluates
 * it. The expected column was produced by {@code src/test/oracle/function-oracle.go}, which evaluates
 * each line with the HCL, cty and Terraform function packages Terragrunt links (docs/hcl-parser.md).
 * A value must match exactly; an oracle error must be an error here or an unknown value with a
 * diagnostic; an oracle unknown must be unknown here.
 */
class TerragruntFunctionOracleTest {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  static Stream<Arguments> cases() throws IOException {
    List<Arguments> cases = new ArrayList<>();
    try (InputStream in = TerragruntFunctionOracleTest.class.getResourceAsStream("/functions/terragrunt-oracle.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        int tab = line.indexOf('\t');
        cases.add(Arguments.of(line.substring(0, tab), line.substring(tab + 1)));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void evaluatesLikeTerragrunt(String expression, String expected) throws IOException {
    Expressions expressions = new Expressions();
    Value actual;
    try {
      actual = expressions.eval(expression);
    } catch (EvaluationError e) {
      assertThat(expected).as("%s failed with %s", expression, e.getMessage()).startsWith("ERROR");
      return;
    }
    if (expected.startsWith("ERROR")) {
      assertThat(actual).as("%s should fail like Terragrunt (%s)", expression, expected)
          .isInstanceOf(Value.UnknownValue.class);
      assertThat(expressions.diagnostics).as(expression).isNotEmpty();
      return;
    }
    if (expected.equals("UNKNOWN")) {
      assertThat(actual.unknownWithin()).as(expression).isNotNull();
      return;
    }
    JsonNode node = JSON.readTree(expected);
    Value want = node.isObject() && node.has("value") ? EncodingFunctions.fromJson(node.get("value")) : Value.NULL;
    assertThat(actual.unknownWithin()).as("%s is unknown: %s", expression, expressions.diagnostics).isNull();
    assertThat(CtyJson.encode(actual)).as(expression).isEqualTo(CtyJson.encode(want));
  }
}
