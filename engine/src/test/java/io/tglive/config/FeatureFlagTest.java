package io.tglive.config;

import static io.tglive.config.ConfigFixture.str;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureFlagTest {

  @TempDir Path tmp;
  ConfigFixture repo;

  @BeforeEach
  void setUp() {
    repo = new ConfigFixture(tmp);
  }

  private static final String GATED_EDGE = String.join("\n",
      "feature \"use_cache\" {",
      "  default = false",
      "}",
      "dependency \"cache\" {",
      "  config_path = \"../cache\"",
      "  enabled = feature.use_cache.value",
      "}",
      "");

  @Test
  void aFeatureDefaultDecidesWhetherADependencyIsEnabled() throws Exception {
    repo.unit("app", GATED_EDGE);
    UnitConfig config = repo.evaluate("app");
    assertThat(config.dependencies()).isEmpty();
    assertThat(config.unresolved()).isEmpty();
  }

  @Test
  void tgFeatureOverridesTheDefaultTypedLikeTheDefault() throws Exception {
    repo.environment.put("TG_FEATURE", "use_cache=true,other=x");
    repo.unit("app", GATED_EDGE);
    assertThat(repo.evaluate("app").dependencies()).extracting(DependencyEdge::target)
        .containsExactly(repo.path("cache"));
  }

  @Test
  void flagsOfAnIncludedRootAreMergedAndTheChildsBlockWins() throws Exception {
    repo.file("root.hcl", "feature \"size\" {\n  default = \"small\"\n}\nfeature \"region\" {\n  default = \"eu\"\n}\n");
    repo.unit("live/app", "include \"root\" {\n  path = find_in_parent_folders(\"root.hcl\")\n}\nfeature \"size\" {\n  default = \"large\"\n}\nlocals {\n  size = feature.size.value\n  region = feature.region.value\n  name = feature.region.name\n}\n");
    assertThat(repo.local("live/app", "size")).isEqualTo(str("large"));
    assertThat(repo.local("live/app", "region")).isEqualTo(str("eu"));
    assertThat(repo.local("live/app", "name")).isEqualTo(str("region"));
  }

  @Test
  void anIncludedFileSeesTheFlagsOfTheUnit() throws Exception {
    repo.environment.put("TG_FEATURE", "freeze=1");
    repo.file("root.hcl", "exclude {\n  if = feature.freeze.value\n  actions = [\"apply\"]\n}\n");
    repo.unit("live/app", "include \"root\" {\n  path = find_in_parent_folders(\"root.hcl\")\n}\nfeature \"freeze\" {\n  default = false\n}\n");
    assertThat(repo.evaluate("live/app").exclude()).hasValueSatisfying(e -> assertThat(e.excludes("apply")).isTrue());
  }

  @Test
  void aFlagWithoutDefaultOrOverrideMakesTheUnitIncomplete() {
    assertThat(repo.error("feature \"x\" {\n}\nlocals {\n  v = feature.x.value\n}\n"))
        .contains("terragrunt.hcl:1:1: the feature flag \"x\" has no default and no override in TG_FEATURE");
  }

  @Test
  void aBoolFlagRejectsAnOverrideThatIsNotABoolLeavingTheEdgeItGatesUnresolved() throws Exception {
    repo.environment.put("TG_FEATURE", "use_cache=maybe");
    repo.unit("app", GATED_EDGE);
    assertThat(repo.evaluate("app").unresolved()).singleElement().satisfies(u ->
        assertThat(u.reason()).contains("the feature flag is a bool, but the override is \"maybe\""));
  }
}
