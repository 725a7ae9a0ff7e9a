package io.tglive.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tglive.conformance.RandomLiveRepo.Construct;
import io.tglive.graph.LoadOptions;
import io.tglive.testing.LiveRepo;
import io.tglive.testing.RealTools;
import io.tglive.testing.TestRepo;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The differential test: our graph against the real terragrunt's ({@code find --dag --json}) on
 * every fixture tree and on seeded random live repositories. Skipped where {@code
 * scripts/install-tools} has not installed the tools.
 */
class TerragruntConformanceTest {

  /** Random repositories per run: a fixed count, so the run is reproducible. */
  private static final int RANDOM_REPOSITORIES = 30;

  /** Random changes to random repositories per run. */
  private static final int RANDOM_CHANGES = 8;

  private Terragrunt terragrunt;

  @BeforeEach
  void tools() {
    RealTools.assumeInstalled();
    terragrunt = new Terragrunt(RealTools.terragrunt(), RealTools.env(), Duration.ofMinutes(2));
  }

  static Stream<String> fixtures() throws IOException, URISyntaxException {
    Path root = Path.of(Objects.requireNonNull(TerragruntConformanceTest.class.getResource("/conformance")).toURI());
    try (Stream<Path> children = Files.list(root)) {
      return children.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  /**
   * A fixture with stack files is copied and generated with {@code terragrunt stack generate} first,
   * as {@code find} does not generate stacks; ours generates them in memory, over what is on disk.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void everyFixtureTreeHasTheGraphTerragruntFinds(String name, @TempDir Path copy) throws Exception {
    Path fixture = Path.of(Objects.requireNonNull(getClass().getResource("/conformance/" + name)).toURI());
    if (holdsStackFile(fixture)) {
      copyTree(fixture, copy);
      terragrunt.generateStacks(copy);
      fixture = copy;
    }

    ConformanceReport report = ConformanceCheck.graph(fixture, terragrunt, LoadOptions.defaults());

    assertThat(report.undocumented()).as(report.render()).isEmpty();
  }

  private static boolean holdsStackFile(Path tree) throws IOException {
    try (Stream<Path> files = Files.walk(tree)) {
      return files.anyMatch(file -> file.getFileName().toString().equals("terragrunt.stack.hcl"));
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }

  @Test
  void theBundledExampleHasTheGraphTerragruntFinds() throws Exception {
    Path example = Path.of("..", "examples", "live").toAbsolutePath().normalize();
    assumeTrue(Files.isDirectory(example), "examples/live not found");

    ConformanceReport report = ConformanceCheck.graph(example, terragrunt, LoadOptions.defaults());

    assertThat(report.undocumented()).as(report.render()).isEmpty();
  }

  /**
   * Each change to the example repository of {@link LiveRepo}, committed on top of it, selects what
   * terragrunt's git filter selects, up to documented divergences.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void aChangeSelectsWhatTerragruntsGitFilterSelects(String name, Consumer<TestRepo> change, @TempDir Path dir)
      throws Exception {
    try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
      LiveRepo.write(repo);
      String base = repo.commit("base").name();
      change.accept(repo);
      String head = repo.commit(name).name();

      ConformanceReport report = ConformanceCheck.change(repo.root(), base, head, terragrunt, LoadOptions.defaults());

      assertThat(report.undocumented()).as(report.render()).isEmpty();
    }
  }

  @Test
  void aDataFileReadWithFileSelectsItsReadersAsTheDocumentedSuperset(@TempDir Path dir) throws Exception {
    try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
      repo.write("data/sizes.yaml", "size: 1\n");
      repo.write("app/terragrunt.hcl", "inputs = {\n  sizes = yamldecode(file(\"../data/sizes.yaml\"))\n}\n");
      repo.write("db/terragrunt.hcl", "locals {\n  sizes = file(\"${get_terragrunt_dir()}/../data/sizes.yaml\")\n}\n");
      String base = repo.commit("base").name();
      repo.write("data/sizes.yaml", "size: 2\n");
      String head = repo.commit("sizes").name();

      ConformanceReport report = ConformanceCheck.change(repo.root(), base, head, terragrunt, LoadOptions.defaults());

      // terragrunt selects neither (file() reads are not tracked); we select db, and app too once
      // file() reads in inputs count as reads
      assertThat(report.units()).isZero();
      assertThat(report.differences()).as(report.render())
          .extracting(Difference::subject, Difference::divergence)
          .contains(tuple("db", Optional.of(Divergence.READERS_SUPERSET)));
      assertThat(report.undocumented()).isEmpty();
    }
  }

  static Stream<Arguments> changes() {
    return Stream.of(
        change("a unit's terragrunt.hcl", r -> r.write("live/dev/vpc/terragrunt.hcl",
            LiveRepo.unit("  extra = 1\n", "terraform {\n  source = \"../../../modules/vpc\"\n}\n"))),
        change("a file read by read_terragrunt_config", r -> r.write("live/dev/env.hcl",
            "locals {\n  env = \"dev\"\n  size = 2\n}\n")),
        change("an included root file", r -> r.write("root.hcl", "locals {\n  project = \"demo2\"\n}\n")),
        change("a file read with file() in inputs", r -> r.write("live/prod/app/policy.json", "{\"a\": 1}\n")),
        change("a local module", r -> r.write("modules/vpc/main.tf", "variable \"cidr\" {}\nvariable \"x\" {}\n")),
        change("a new unit", r -> r.write("live/dev/dns/terragrunt.hcl",
            LiveRepo.unit("", "dependency \"app\" {\n  config_path = \"../app\"\n}\n"))),
        change("a deleted unit", r -> r.delete("live/prod/dns")),
        change("a file beside a unit", r -> r.write("live/dev/app/notes.txt", "x\n")),
        change("a file nothing reads", r -> r.write("README.md", "# demo 2\n")));
  }

  private static Arguments change(String name, Consumer<TestRepo> change) {
    return Arguments.of(name, change);
  }

  @Test
  void randomChangesToRandomRepositoriesSelectWhatTerragruntsGitFilterSelects(@TempDir Path dir) throws Exception {
    Set<Construct> constructs = EnumSet.allOf(Construct.class);
    List<String> failures = new ArrayList<>();
    for (int seed = 1; seed <= RANDOM_CHANGES; seed++) {
      try (TestRepo repo = TestRepo.init(dir.resolve("seed-" + seed))) {
        List<String> units = RandomLiveRepo.write(repo.root(), seed, constructs);
        String base = repo.commit("base").name();
        Random random = new Random(seed);
        String changed = units.get(random.nextInt(units.size()));
        repo.write(changed + "/terragrunt.hcl",
            Files.readString(repo.root().resolve(changed + "/terragrunt.hcl")) + "# changed\n");
        String env = units.get(random.nextInt(units.size())).split("/")[1];
        repo.write("live/" + env + "/env.hcl", "locals {\n  env = \"" + env + "\"\n  changed = true\n}\n");
        if (random.nextBoolean()) {
          repo.write("root.hcl", Files.readString(repo.root().resolve("root.hcl")) + "# changed\n");
        }
        String deleted = units.get(1 + random.nextInt(units.size() - 1));
        if (!deleted.equals(changed)) {
          repo.delete(deleted);
        }
        repo.write("live/dev/added/terragrunt.hcl", "dependency \"u0\" {\n  config_path = \"../u0\"\n}\n");
        String head = repo.commit("change").name();

        ConformanceReport report = ConformanceCheck.change(repo.root(), base, head, terragrunt, LoadOptions.defaults());

        if (!report.conforms()) {
          failures.add("seed " + seed + ": " + report.render());
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void randomLiveRepositoriesHaveTheGraphTerragruntFinds(@TempDir Path dir) throws Exception {
    Set<Construct> constructs = EnumSet.allOf(Construct.class);
    List<String> failures = new ArrayList<>();
    for (int seed = 1; seed <= RANDOM_REPOSITORIES; seed++) {
      Path repo = dir.resolve("seed-" + seed);
      List<String> units = RandomLiveRepo.write(repo, seed, constructs);

      ConformanceReport report = ConformanceCheck.graph(repo, terragrunt, LoadOptions.defaults());

      if (report.units() != units.size()) {
        failures.add("seed " + seed + ": terragrunt found " + report.units() + " of " + units.size() + " units");
      }
      if (!report.conforms()) {
        failures.add("seed " + seed + ": " + report.render());
      }
    }
    assertThat(failures).isEmpty();
  }
}
