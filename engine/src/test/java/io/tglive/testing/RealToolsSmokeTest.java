package io.tglive.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end with the tools {@code scripts/install-tools} builds: a live repository of two units,
 * one depending on the other's output, applied with {@code terragrunt run --all apply}, offline
 * (providers from the local mirror), with local state. Skipped where the tools are not installed.
 */
class RealToolsSmokeTest {

  @TempDir Path live;

  @BeforeEach
  void tools() {
    RealTools.assumeInstalled();
  }

  @Test
  void runAllAppliesDependentUnitsOfflineWithProvidersFromTheMirror() throws Exception {
    write("network/terragrunt.hcl", "");
    write("network/main.tf", """
        resource "terraform_data" "network" {
          input = "net-1"
        }
        output "id" {
          value = terraform_data.network.output
        }
        """);
    write("app/terragrunt.hcl", """
        dependency "network" {
          config_path = "../network"
        }
        inputs = {
          network_id = dependency.network.outputs.id
        }
        """);
    write("app/main.tf", """
        terraform {
          required_providers {
            random = {
              source  = "hashicorp/random"
              version = "3.9.0"
            }
          }
        }
        variable "network_id" {}
        resource "random_pet" "name" {
          prefix = var.network_id
        }
        resource "terraform_data" "app" {
          input = random_pet.name.id
        }
        output "name" {
          value = terraform_data.app.output
        }
        """);

    Result apply = terragrunt(live, "run", "--all", "--non-interactive", "--", "apply");
    assertThat(apply.exit()).as(apply.output()).isZero();

    Result output = terragrunt(live.resolve("app"), "output", "-raw", "name");
    assertThat(output.exit()).as(output.output()).isZero();
    assertThat(output.stdout()).startsWith("net-1-");
    assertThat(live.resolve("app/.terraform.lock.hcl")).content().contains("registry.opentofu.org/hashicorp/random");
  }

  private record Result(int exit, String stdout, String output) {}

  private void write(String path, String content) throws IOException {
    Path file = live.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private static Result terragrunt(Path directory, String... arguments) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(RealTools.terragrunt().toString());
    command.addAll(List.of(arguments));
    Path out = Files.createTempFile("tglive-smoke", ".out");
    Path err = Files.createTempFile("tglive-smoke", ".err");
    try {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().putAll(RealTools.env());
    Process process = builder.start();
    process.getOutputStream().close();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError(String.join(" ", command) + ": no answer within 5 minutes");
    }
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    return new Result(process.exitValue(), stdout, stdout + Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
