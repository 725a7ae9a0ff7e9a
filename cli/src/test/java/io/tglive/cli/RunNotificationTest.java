package io.tglive.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tglive run} tells a gate's voters through the webhook of {@code .tglive.yaml} (read at the
 * base commit) when the gate opens, with the real terragrunt planning the unit. Skipped where the
 * real tools are not installed ({@code scripts/install-tools}, or {@code TGLIVE_TOOLS_DIR}).
 */
class RunNotificationTest {

  @TempDir Path tmp;

  private final BlockingQueue<String> posted = new LinkedBlockingQueue<>();
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/hook/", exchange -> {
      posted.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void openingAGateNotifiesTheWebhookOfTheBaseSettings() throws Exception {
    Path tools = TestTools.dir();
    assumeTrue(TestTools.installed(tools),
        () -> "real terragrunt/tofu not installed in " + tools + " (run scripts/install-tools, or set TGLIVE_TOOLS_DIR)");
    Path repo = repo(tmp.resolve("repo"), "http://127.0.0.1:" + server.getAddress().getPort() + "/hook/T0-secret");
    Path state = Files.createDirectories(tmp.resolve("state"));
    Path answers = Files.writeString(tmp.resolve("answers"), "no not today\n");
    Path log = tmp.resolve("out.log");

    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Tglive.class.getName(), "run", "--repo", repo.toString(),
        "--base", "main", "--head", "feature", "--terragrunt", tools.resolve("bin/terragrunt").toString(),
        "--as", "alice")
        .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(answers.toFile());
    builder.environment().put("TG_TF_PATH", tools.resolve("bin/tofu").toString());
    builder.environment().put("TF_CLI_CONFIG_FILE", tools.resolve("providers/tofurc").toString());
    builder.environment().put("TG_NO_AUTO_PROVIDER_CACHE_DIR", "true");
    builder.environment().put("TGLIVE_TEST_STATE", state.toString());
    Process run = builder.start();
    assertThat(run.waitFor(10, TimeUnit.MINUTES)).isTrue();
    String output = Files.readString(log);

    assertThat(run.exitValue()).as(output).isEqualTo(1);
    assertThat(output).contains("rejected").doesNotContain("warning: notifications");
    String body = posted.poll(1, TimeUnit.MINUTES);
    assertThat(body).as(output).isNotNull();
    JsonNode notice = new ObjectMapper().readTree(body);
    assertThat(notice.get("unit").asText()).isEqualTo("live/app");
    assertThat(notice.get("account").asText()).isEqualTo("live");
    assertThat(notice.get("voters").toString()).isEqualTo("[\"alice\",\"bob\"]");
    assertThat(notice.get("change").asText()).as("the head commit, as gates name a change without --change")
        .matches("[0-9a-f]{12}");
    assertThat(notice.at("/plan/create").asInt()).isEqualTo(1);
    assertThat(notice.at("/plan/changes").toString()).isEqualTo("[\"create terraform_data.this\"]");
    assertThat(notice.get("text").asText()).contains("Vote with: tglive approve --run ");
    assertThat(posted).isEmpty();
  }

  private static Path repo(Path repo, String hook) throws Exception {
    try (Git git = Git.init().setDirectory(Files.createDirectories(repo).toFile()).setInitialBranch("main").call()) {
      write(repo.resolve(".tglive.yaml"), """
          accounts:
            - {name: live, path: live, voters: [alice, bob]}
          notifications:
            webhook: {url: "%s"}
          """.formatted(hook));
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
          """);
      write(repo.resolve("modules/value/main.tf"), """
          resource "terraform_data" "this" {
            input = "value"
          }
          """);
      commit(git);
      git.checkout().setCreateBranch(true).setName("feature").call();
      write(repo.resolve("live/app/terragrunt.hcl"), """
          include "root" {
            path = find_in_parent_folders("root.hcl")
          }
          terraform {
            source = "../../modules/value"
          }
          """);
      commit(git);
    }
    return repo;
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
