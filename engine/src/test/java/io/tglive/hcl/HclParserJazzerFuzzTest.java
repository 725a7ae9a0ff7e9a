package io.tglive.hcl;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Coverage-guided fuzzing with Jazzer. Its agent takes about half a minute to start, so it runs only
 * when asked: {@code JAZZER_FUZZ=1 ./mvnw -pl engine test -Dtest=HclParserJazzerFuzzTest}.
 */
@EnabledIfEnvironmentVariable(named = "JAZZER_FUZZ", matches = ".+")
class HclParserJazzerFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void parserThrowsOnlySyntaxErrors(String source) {
    if (source == null) {
      return;
    }
    try {
      HclParser.parse("fuzz.hcl", source);
    } catch (HclSyntaxException expected) {
      // the only acceptable failure
    }
  }
}
