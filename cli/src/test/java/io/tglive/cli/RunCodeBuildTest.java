package io.tglive.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tglive run} on a repository whose accounts choose different runners, with the real
 * terragrunt and OpenTofu: {@code dev} runs locally with its plan and apply roles' credentials,
 * {@code prod} on "CodeBuild" ({@link LocalCodeBuild}, which runs each build's script on this machine)
 * with its roles; {@code --runner local} brings prod home. Skipped without the real tools.
 */
class RunCodeBuildTest {

  private static final String DEV_PLAN = "arn:aws:iam::111111111111:role/dev-plan";
  private static final String DEV_APPLY = "arn:aws:iam::111111111111:role/dev-apply";
  private static final String PROD_PLAN = "arn:aws:iam::222222222222:role/prod-plan";
  private static final String PROD_APPLY = "arn:aws:iam::222222222222:role/prod-apply";

  @TempDir Path tmp;

  @Test
  void eachAccountRunsOnItsOwnRunnerWithThePlanRoleForPlansAndTheApplyRoleForApplies() throws Exception {
    Path tools = tools();
    Path repo = repo(tmp.resolve("repo"));
    Path state = Files.createDirectories(tmp.resolve("state"));
    try (LocalCodeBuild aws = new LocalCodeBuild(repo, tmp.resolve("aws"), toolEnvironment(tools, state))) {
      Path runDir = tmp.resolve("run");
      Result run = tglive(tools, state, "run", "--repo", repo.toString(), "--base", "main", "--head", "feature",
          "--run-dir", runDir.toString(), "--aws-endpoint", aws.endpoint().toString());

      assertThat(run.exit()).as(run.output()).isZero();
      assertThat(output(state, "dev/net")).isEqualTo("net");
      assertThat(output(state, "prod/app")).as("prod's plan saw dev's applied output").isEqualTo("net-app");

      // prod ran on CodeBuild: plan and show with the plan role, apply with the apply role, each signed by it
      List<LocalCodeBuild.Build> builds = aws.builds().stream()
          .filter(b -> !"version".equals(b.command)).toList();
      assertThat(builds).extracting(b -> b.unit).containsOnly("prod/app");
      assertThat(builds).extracting(b -> b.command + " as " + b.serviceRole + " signed by " + b.signedBy)
          .containsExactlyInAnyOrder(
              "plan as " + PROD_PLAN + " signed by ASIAPRODPLAN",
              "show as " + PROD_PLAN + " signed by ASIAPRODPLAN",
              "apply as " + PROD_APPLY + " signed by ASIAPRODAPPLY");
      List<LocalCodeBuild.Request> s3 = Stream.of("s3:GET", "s3:HEAD", "s3:PUT")
          .flatMap(operation -> aws.requests(operation).stream()).toList();
      assertThat(s3).extracting(LocalCodeBuild.Request::accessKey).containsOnly("ASIAPRODPLAN", "ASIAPRODAPPLY");
      assertThat(aws.requests("AssumeRole")).extracting(LocalCodeBuild.Request::accessKey).containsOnly("AKIABASEKEY");

      // dev ran locally: terragrunt's hooks saw the plan role's keys for the plan and the apply role's for the
      // apply; prod's builds get no keys in their environment (a build has its service role's credentials)
      assertThat(Files.readAllLines(state.resolve("who")))
          .containsExactly("plan ASIADEVPLAN", "apply ASIADEVAPPLY", "plan ", "apply ");

      String logs;
      try (Stream<Path> files = Files.list(runDir.resolve("logs"))) {
        logs = String.join("\n", files.map(f -> read(f)).toList());
      }
      assertThat(logs).contains("[tglive] plan of prod/app: CodeBuild build tglive-units:")
          .contains("[tglive] plan of dev/net as " + DEV_PLAN)
          .contains("[tglive] apply of dev/net as " + DEV_APPLY)
          .doesNotContain("role-secret-", "role-session-token-", "base-secret");
      assertThat(run.output()).doesNotContain("role-secret-", "role-session-token-", "base-secret");
    }
  }

  @Test
  void runnerLocalOverridesTheAccountsCodeBuildRunner() throws Exception {
    Path tools = tools();
    Path repo = repo(tmp.resolve("repo"));
    Path state = Files.createDirectories(tmp.resolve("state"));
    try (LocalCodeBuild aws = new LocalCodeBuild(repo, tmp.resolve("aws"), toolEnvironment(tools, state))) {
      Result run = tglive(tools, state, "run", "--repo", repo.toString(), "--base", "main", "--head", "feature",
          "--runner", "local", "--aws-endpoint", aws.endpoint().toString());

      assertThat(run.exit()).as(run.output()).isZero();
      assertThat(output(state, "prod/app")).isEqualTo("net-app");
      assertThat(aws.requests("StartBuild")).isEmpty();
      assertThat(Files.readAllLines(state.resolve("who"))).containsExactly("plan ASIADEVPLAN", "apply ASIADEVAPPLY",
          "plan ASIAPRODPLAN", "apply ASIAPRODAPPLY");
    }
  }

  @Test
  void runnerCodeBuildForAnAccountWithoutCodeBuildSettingsIsBadInput() throws Exception {
    Path tools = tools();
    Path repo = repo(tmp.resolve("repo"));
    Result run = tglive(tools, tmp, "run", "--repo", repo.toString(), "--base", "main", "--head", "feature",
        "--runner", "codebuild");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.output()).contains(
        "error: account 'dev': runner codebuild needs codeBuildProject (for --runner codebuild)");
    assertThat(repo.resolve(".tglive/runs")).doesNotExist();
  }

  private record Result(int exit, String output) {}

  private Result tglive(Path tools, Path state, String... args) throws Exception {
    List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Tglive.class.getName()));
    argv.addAll(List.of(args));
    argv.addAll(List.of("--terragrunt", tools.resolve("bin/terragrunt").toString()));
    Path log = Files.createTempFile(tmp, "tglive", ".log");
    ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true)
        .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().putAll(toolEnvironment(tools, state));
    builder.environment().put("AWS_ACCESS_KEY_ID", "AKIABASEKEY");
    builder.environment().put("AWS_SECRET_ACCESS_KEY", "base-secret-0123456789");
    builder.environment().remove("AWS_PROFILE");
    Process process = builder.start();
    assertThat(process.waitFor(8, TimeUnit.MINUTES)).as("tglive run ends").isTrue();
    return new Result(process.exitValue(), Files.readString(log));
  }

  private static Map<String, String> toolEnvironment(Path tools, Path state) {
    return Map.of("TG_TF_PATH", tools.resolve("bin/tofu").toString(),
        "TF_CLI_CONFIG_FILE", tools.resolve("providers/tofurc").toString(),
        "TG_NO_AUTO_PROVIDER_CACHE_DIR", "true",
        "TGLIVE_TEST_STATE", state.toString());
  }

  private static Path tools() {
    String configured = System.getenv("TGLIVE_TOOLS_DIR");
    Path tools = configured != null && !configured.isBlank() ? Path.of(configured) : projectRoot().resolve(".tools");
    assumeTrue(Files.isExecutable(tools.resolve("bin/terragrunt")) && Files.isExecutable(tools.resolve("bin/tofu"))
        && Files.isExecutable(Path.of("/bin/bash")),
        () -> "real terragrunt/tofu not installed in " + tools + " (run scripts/install-tools, or set TGLIVE_TOOLS_DIR)");
    return tools;
  }

  private static Path projectRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw"))) {
        return dir;
      }
    }
    return Path.of("").toAbsolutePath();
  }

  private static String output(Path state, String unit) throws Exception {
    return new ObjectMapper().readTree(state.resolve(unit).resolve("terraform.tfstate").toFile())
        .path("outputs").path("value").path("value").asText();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Path repo(Path repo) throws Exception {
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      write(repo.resolve(".tglive.yaml"), """
          accounts:
            - name: dev
              path: dev
              approvalsRequired: 0
              planRole: %s
              applyRole: %s
              region: eu-west-1
            - name: prod
              path: prod
              approvalsRequired: 0
              dependencies: [dev]
              runner: codebuild
              codeBuildProject: tglive-units
              codeBuildBucket: tglive-test
              codeBuildPrefix: runs
              region: eu-west-1
              planRole: %s
              applyRole: %s
              planArgs: ["-lock-timeout=1m"]
          """.formatted(DEV_PLAN, DEV_APPLY, PROD_PLAN, PROD_APPLY));
      write(repo.resolve("root.hcl"), """
          generate "backend" {
            path      = "backend.tf"
            if_exists = "overwrite_terragrunt"
            contents  = <<EOF
          terraform {
            backend "local" {
              path = "${get_env("TGLIVE_TEST_STATE")}/${path_relative_to_include()}/terraform.tfstate"
            }
          }
          EOF
          }
          terraform {
            before_hook "who" {
              commands = ["plan", "apply"]
              execute  = ["sh", "-c", "echo \\"$0 $AWS_ACCESS_KEY_ID\\" >> \\"$TGLIVE_TEST_STATE/who\\"", "${get_terraform_command()}"]
            }
          }
          """);
      write(repo.resolve("modules/value/main.tf"), """
          variable "value" {
            type = string
          }
          resource "terraform_data" "this" {
            input = var.value
          }
          output "value" {
            value = terraform_data.this.output
          }
          """);
      commit(git);
      git.checkout().setCreateBranch(true).setName("feature").call();
      write(repo.resolve("dev/net/terragrunt.hcl"), unit("value = \"net\"", null));
      write(repo.resolve("prod/app/terragrunt.hcl"), unit("value = \"${dependency.net.outputs.value}-app\"",
          "../../dev/net"));
      commit(git);
    }
    return repo;
  }

  private static String unit(String inputs, String dependency) {
    return """
        include "root" {
          path = find_in_parent_folders("root.hcl")
        }
        terraform {
          source = "../../modules/value"
        }
        """ + (dependency == null ? "" : "dependency \"net\" {\n  config_path = \"" + dependency + "\"\n}\n")
        + "inputs = {\n  " + inputs + "\n}\n";
  }

  private static void write(Path file, String content) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  private static void commit(Git git) throws Exception {
    git.add().addFilepattern(".").call();
    git.commit().setMessage("c").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
  }
}
