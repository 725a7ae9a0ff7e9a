package io.tglive.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real terragrunt binary, run as a child process to act as the oracle of a conformance check.
 *
 * @param binary the terragrunt executable
 * @param environment variables added to (or replacing) the inherited environment
 * @param timeout how long one command may run before it is killed
 */
public record Terragrunt(Path binary, Map<String, String> environment, Duration timeout) {

  public Terragrunt {
    binary = binary.toAbsolutePath(); // it runs in another working directory
    environment = Map.copyOf(environment);
  }

  /** Terragrunt at {@code binary} with the inherited environment and a ten-minute timeout. */
  public static Terragrunt at(Path binary) {
    return new Terragrunt(binary, Map.of(), Duration.ofMinutes(10));
  }

  /**
   * {@code terragrunt find --dag --json --dependencies --exclude} in {@code directory}: every unit
   * in run order, with its dependencies and exclude settings.
   */
  public TerragruntGraph findDag(Path directory) throws ConformanceException {
    return TerragruntGraph.parse(
        run(directory, "find", "--dag", "--json", "--dependencies", "--exclude"), describe(directory));
  }

  /**
   * {@code terragrunt find --json --filter [BASE...HEAD]} in {@code repository}: the units its git
   * filter selects for the changes between the two commits, without dependents.
   */
  public TerragruntGraph findChanged(Path repository, String base, String head) throws ConformanceException {
    return TerragruntGraph.parse(
        run(repository, "find", "--json", "--filter", "[" + base + "..." + head + "]"), describe(repository));
  }

  /**
   * {@code terragrunt stack generate} in {@code directory}: writes the units of every {@code
   * terragrunt.stack.hcl} below it into {@code .terragrunt-stack} directories, which {@code find}
   * then discovers (it does not generate them itself).
   */
  public void generateStacks(Path directory) throws ConformanceException {
    run(directory, "stack", "generate");
  }

  /** The first line {@code terragrunt --version} prints. */
  public String version() throws ConformanceException {
    return run(Path.of("").toAbsolutePath(), "--version").lines().findFirst().orElse("").trim();
  }

  private String describe(Path directory) {
    return "terragrunt find in " + directory;
  }

  /** Runs terragrunt with these arguments in {@code directory} and returns its standard output. */
  private String run(Path directory, String... arguments) throws ConformanceException {
    if (!Files.isExecutable(binary)) {
      throw new ConformanceException(binary + ": terragrunt not found or not executable");
    }
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(List.of(arguments));
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("tglive-terragrunt", ".out");
      err = Files.createTempFile("tglive-terragrunt", ".err");
      ProcessBuilder builder = new ProcessBuilder(command)
          .directory(directory.toFile())
          .redirectOutput(out.toFile())
          .redirectError(err.toFile());
      builder.environment().putAll(environment);
      Process process = builder.start();
      process.getOutputStream().close();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        throw new ConformanceException(String.join(" ", command) + ": no answer within " + timeout.toSeconds() + " s");
      }
      if (process.exitValue() != 0) {
        throw new ConformanceException(String.join(" ", command) + " in " + directory + " exited "
            + process.exitValue() + ": " + lastLines(Files.readString(err, StandardCharsets.UTF_8)));
      }
      return Files.readString(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConformanceException(binary + ": cannot run terragrunt: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConformanceException(binary + ": interrupted");
    } finally {
      delete(out);
      delete(err);
    }
  }

  private static String lastLines(String text) {
    List<String> lines = text.strip().lines().toList();
    return String.join("\n  ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
  }

  private static void delete(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // a temporary file left behind is harmless
      }
    }
  }
}
