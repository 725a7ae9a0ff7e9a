package io.tglive.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile inputs to {@code tglive graph} and {@code tglive stack}, in-process: each bad input ends
 * with exit 2 and one error line (continuation lines are indented), naming the file and line where
 * one applies, and never a stack trace; hostile but valid inputs (link loops, links out of the
 * repository) give their graph. Every case is bounded by its input; the timeout only guards
 * against a hang.
 */
class HostileInputTest {

  private static final Duration HANG_GUARD = Duration.ofSeconds(30);

  @TempDir Path repo;

  private final TgliveRun tglive = new TgliveRun();

  /** Sets up the repository of one case. */
  @FunctionalInterface
  interface Setup {
    void apply(Path repo) throws Exception;
  }

  /**
   * One bad input: what to write, which command to run ({@code graph}, or {@code stack}, which
   * commits the setup as the head of a change) and text the error line must contain ({@code {repo}}
   * stands for the repository).
   */
  record Case(String name, Setup setup, String command, String expected) {
    @Override
    public String toString() {
      return command + ": " + name;
    }
  }

  private static Case graph(String name, String expected, Setup setup) {
    return new Case(name, setup, "graph", expected);
  }

  private static Case stack(String name, String expected, Setup setup) {
    return new Case(name, setup, "stack", expected);
  }

  private static Setup unit(String path, String content) {
    return repo -> write(repo, path + "/terragrunt.hcl", content);
  }

  private static Setup files(String... pathsAndContents) {
    return repo -> {
      for (int i = 0; i < pathsAndContents.length; i += 2) {
        write(repo, pathsAndContents[i], pathsAndContents[i + 1]);
      }
    };
  }

  static Stream<Case> badInputs() {
    List<Case> cases = new ArrayList<>();
    for (String command : List.of("graph", "stack")) {
      java.util.function.BiFunction<String, String, java.util.function.Function<Setup, Case>> make =
          (name, expected) -> setup -> new Case(name, setup, command, expected);
      cases.add(make.apply("unterminated block", "app/terragrunt.hcl:").apply(unit("app", "dependency \"a\" {\n")));
      cases.add(make.apply("unterminated string", "app/terragrunt.hcl:2:7: unterminated string")
          .apply(unit("app", "locals {\n  a = \"x\n}\n")));
      cases.add(make.apply("misspelt dependency block", "app/terragrunt.hcl:1:1: unsupported block type \"dependncy\"")
          .apply(unit("app", "dependncy \"vpc\" {\n  config_path = \"../vpc\"\n}\n")));
      cases.add(make.apply("duplicate terraform block", "app/terragrunt.hcl:3:1: duplicate terraform block")
          .apply(unit("app", "terraform {\n}\nterraform {\n}\n")));
      cases.add(make.apply("duplicate locals block", "app/terragrunt.hcl:2:1: duplicate locals block")
          .apply(unit("app", "locals {}\nlocals {}\n")));
      cases.add(make.apply("label on locals", "app/terragrunt.hcl:1:1: the locals block takes no label")
          .apply(unit("app", "locals \"x\" {\n}\n")));
      cases.add(make.apply("dependencies as an argument", "app/terragrunt.hcl:1:1: unsupported argument \"dependencies\"")
          .apply(unit("app", "dependencies = { paths = [] }\n")));
      cases.add(make.apply("cycle", "dependency cycle: a -> b -> a")
          .apply(files("a/terragrunt.hcl", "dependencies {\n  paths = [\"../b\"]\n}\n",
              "b/terragrunt.hcl", "dependencies {\n  paths = [\"../a\"]\n}\n")));
      cases.add(make.apply("cyclic locals", "app/terragrunt.hcl:")
          .apply(unit("app", "locals {\n  a = local.b\n  b = local.a\n}\n")));
      cases.add(make.apply("missing include", "app/terragrunt.hcl:2:10: the included file ")
          .apply(unit("app", "include \"root\" {\n  path = \"../nothing.hcl\"\n}\n")));
      cases.add(make.apply("unterminated heredoc", "app/terragrunt.hcl:")
          .apply(unit("app", "locals {\n  a = <<EOT\nnever ends\n")));
      cases.add(make.apply("deeply nested parentheses", "app/terragrunt.hcl:")
          .apply(unit("app", "locals {\n  a = " + "(".repeat(100_000) + "1" + ")".repeat(100_000) + "\n}\n")));
      cases.add(make.apply("deeply nested lists", "app/terragrunt.hcl:")
          .apply(unit("app", "locals {\n  a = " + "[".repeat(100_000) + "]".repeat(100_000) + "\n}\n")));
      cases.add(make.apply("NUL byte in a configuration", "app/terragrunt.hcl:")
          .apply(unit("app", "locals {\n  a = 1\u0000\n}\n")));
      cases.add(make.apply("file larger than the cap", "app/terragrunt.hcl: cannot be read: larger than 16 MiB")
          .apply(repo -> {
            Files.createDirectories(repo.resolve("app"));
            try (RandomAccessFile file = new RandomAccessFile(repo.resolve("app/terragrunt.hcl").toFile(), "rw")) {
              file.setLength((16L << 20) + 1);
            }
          }));
      cases.add(make.apply("NUL in a dependency path",
              "app/terragrunt.hcl:2:17: not a valid path: the path \"../b\\u0000c\" holds a NUL character")
          .apply(unit("app", "dependency \"x\" {\n  config_path = \"../b\\u0000c\"\n}\n")));
      cases.add(make.apply("NUL in a path given to a function", "app/terragrunt.hcl:2:7: file: not a valid path")
          .apply(unit("app", "locals {\n  a = file(\"x\\u0000y\")\n}\n")));
      cases.add(make.apply("NUL in an include path", "app/terragrunt.hcl:2:")
          .apply(unit("app", "include \"root\" {\n  path = \"../r\\u0000.hcl\"\n}\n")));
      cases.add(make.apply("line break in a directory name", "bad\\nname/terragrunt.hcl:2:1:")
          .apply(unit("bad\nname", "locals {\n")));
      cases.add(make.apply("escape sequence in a directory name", "bad\\u001b[31mname/terragrunt.hcl:2:1:")
          .apply(unit("bad\u001b[31mname", "locals {\n")));
    }
    cases.add(graph("terragrunt.hcl is a named pipe", "app/terragrunt.hcl: cannot be read: not a regular file",
        repo -> {
          Files.createDirectories(repo.resolve("app"));
          fifo(repo.resolve("app/terragrunt.hcl"));
        }));
    cases.add(graph("terragrunt.hcl links to /dev/zero", "app/terragrunt.hcl: cannot be read: not a regular file",
        repo -> {
          assumeTrue(Files.exists(Path.of("/dev/zero")));
          Files.createDirectories(repo.resolve("app"));
          Files.createSymbolicLink(repo.resolve("app/terragrunt.hcl"), Path.of("/dev/zero"));
        }));
    cases.add(graph("terragrunt.hcl links to itself", "app/terragrunt.hcl: cannot be read: ",
        repo -> {
          Files.createDirectories(repo.resolve("app"));
          Files.createSymbolicLink(repo.resolve("app/terragrunt.hcl"), Path.of("terragrunt.hcl"));
        }));
    cases.add(graph("terragrunt.hcl dangles", "app/terragrunt.hcl: no such file",
        repo -> {
          Files.createDirectories(repo.resolve("app"));
          Files.createSymbolicLink(repo.resolve("app/terragrunt.hcl"), Path.of("nowhere.hcl"));
        }));
    cases.add(graph("terragrunt.hcl is a directory", "app/terragrunt.hcl: cannot be read: is a directory",
        repo -> Files.createDirectories(repo.resolve("app/terragrunt.hcl"))));
    cases.add(graph("included file is a named pipe", "app/terragrunt.hcl:2:10: ",
        repo -> {
          write(repo, "app/terragrunt.hcl", "include \"root\" {\n  path = \"../root.hcl\"\n}\n");
          fifo(repo.resolve("root.hcl"));
        }));
    cases.add(graph("included file links to /dev/zero", "app/terragrunt.hcl:2:10: ",
        repo -> {
          write(repo, "app/terragrunt.hcl", "include \"root\" {\n  path = \"../root.hcl\"\n}\n");
          Files.createSymbolicLink(repo.resolve("root.hcl"), Path.of("/dev/zero"));
        }));
    cases.add(graph("read_terragrunt_config of a named pipe", "app/terragrunt.hcl:2:",
        repo -> {
          write(repo, "app/terragrunt.hcl", "locals {\n  x = read_terragrunt_config(\"pipe.hcl\")\n}\n");
          fifo(repo.resolve("app/pipe.hcl"));
        }));
    cases.add(stack("committed misspelt block", "head ", repo -> write(repo, "app/terragrunt.hcl", "dependncy \"x\" {\n}\n")));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void aBadInputEndsWithOneErrorLineAndExitTwo(Case bad) throws Exception {
    int code = assertTimeoutPreemptively(HANG_GUARD, () -> runCase(bad));

    String err = tglive.err();
    assertThat(code).as(err).isEqualTo(2);
    assertThat(err.lines().filter(line -> !line.startsWith(" ")).toList())
        .as(err)
        .hasSize(1)
        .allSatisfy(line -> assertThat(line).startsWith("error: ").contains(bad.expected()));
    assertThat(err).doesNotContain("\tat ", "Exception", "\u001b");
  }

  private int runCase(Case bad) throws Exception {
    if (bad.command().equals("graph")) {
      bad.setup().apply(repo);
      return tglive.execute("graph", "--repo", repo.toString());
    }
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      write(repo, "vpc/terragrunt.hcl", "");
      commit(git);
      bad.setup().apply(repo);
      commit(git);
    }
    return tglive.execute("stack", "--repo", repo.toString(), "--base", "main~1", "--head", "main");
  }

  static Stream<Arguments> badArguments() {
    return Stream.of(
        Arguments.of(List.of("graph", "--repo", ""), "--repo: the directory name is empty"),
        Arguments.of(List.of("stack", "--repo", "", "--base", "a", "--head", "b"), "--repo: the directory name is empty"),
        Arguments.of(List.of("graph", "--repo", "/nonexistent/x"), "--repo /nonexistent/x: no such directory"),
        Arguments.of(List.of("graph", "--repo", "a\u0000b"), "--repo"),
        Arguments.of(List.of("graph", "--repo", "{repo}", "--format", "svg"), "svg"),
        Arguments.of(List.of("graph", "--repo", "{repo}", "--exclude-dir", "./"), "names nothing"),
        Arguments.of(List.of("stack", "--repo", "{repo}", "--base", "a", "--head", "b"), "not a git repository"),
        Arguments.of(List.of("graph", "--repo", "{repo}/file"), "not a directory"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badArguments")
  void aBadArgumentEndsWithOneErrorLineAndExitTwo(List<String> args, String expected) throws Exception {
    write(repo, "file", "");
    String[] resolved = args.stream().map(arg -> arg.replace("{repo}", repo.toString())).toArray(String[]::new);

    int code = assertTimeoutPreemptively(HANG_GUARD, () -> tglive.execute(resolved));

    assertThat(code).as(tglive.err()).isEqualTo(2);
    List<String> errors = tglive.err().lines().filter(line -> line.startsWith("error: ")).toList();
    assertThat(errors).as(tglive.err()).hasSize(1);
    assertThat(errors.get(0)).contains(expected);
    assertThat(tglive.err()).doesNotContain("\tat ", "\u0000");
  }

  @Test
  void aChangedFilesListThatIsANamedPipeIsNotWaitedOn() throws Exception {
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      write(repo, "vpc/terragrunt.hcl", "");
      commit(git);
      commit(git);
    }
    Path pipe = repo.resolve("../changed-" + System.nanoTime());
    fifo(pipe);
    try {
      int code = assertTimeoutPreemptively(HANG_GUARD, () -> tglive.execute(
          "stack", "--repo", repo.toString(), "--base", "main~1", "--head", "main", "--changed-files", pipe.toString()));

      assertThat(code).isEqualTo(2);
      assertThat(tglive.err()).startsWith("error: " + pipe + ": not a regular file");
    } finally {
      Files.deleteIfExists(pipe);
    }
  }

  @Test
  void aFailedWriteToStandardOutputIsAnError() throws Exception {
    write(repo, "app/terragrunt.hcl", "");
    picocli.CommandLine commandLine = Tglive.commandLine();
    java.io.StringWriter err = new java.io.StringWriter();
    commandLine.setOut(new java.io.PrintWriter(new Writer() {
      @Override
      public void write(char[] buffer, int offset, int length) throws IOException {
        throw new IOException("No space left on device");
      }

      @Override
      public void flush() throws IOException {
        throw new IOException("No space left on device");
      }

      @Override
      public void close() {}
    }));
    commandLine.setErr(new java.io.PrintWriter(err, true));

    int code = commandLine.execute("graph", "--repo", repo.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("error: cannot write to standard output\n");
  }

  @Test
  void linkLoopsAndLinksOutOfTheRepositoryGiveTheGraphOfTheRealUnits() throws Exception {
    write(repo, "a/unit/terragrunt.hcl", "dependency \"b\" {\n  config_path = \"../../b\"\n}\n");
    write(repo, "b/terragrunt.hcl", "");
    Files.createSymbolicLink(repo.resolve("a/up"), Path.of(".."));
    Files.createSymbolicLink(repo.resolve("a/self"), Path.of("."));
    Files.createSymbolicLink(repo.resolve("b/root"), Path.of("/"));

    int code = assertTimeoutPreemptively(HANG_GUARD, () -> tglive.execute("graph", "--repo", repo.toString()));

    assertThat(code).as(tglive.err()).isZero();
    assertThat(tglive.out()).isEqualTo("digraph {\n\t\"a/unit\" ;\n\t\"a/unit\" -> \"b\";\n\t\"b\" ;\n}\n");
  }

  @Test
  void aCommittedLinkLoopDoesNotBreakTheStack() throws Exception {
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      write(repo, "vpc/terragrunt.hcl", "");
      Files.createSymbolicLink(repo.resolve("vpc/up"), Path.of(".."));
      commit(git);
      write(repo, "vpc/main.tf", "# changed\n");
      commit(git);
    }

    int code = assertTimeoutPreemptively(HANG_GUARD, () -> tglive.execute(
        "stack", "--repo", repo.toString(), "--base", "main~1", "--head", "main", "--format", "json"));

    assertThat(code).as(tglive.err()).isZero();
    assertThat(tglive.out()).contains("\"vpc\"").doesNotContain("vpc/up");
  }

  @Test
  void aDirectoryPastPathMaxIsAnErrorNotASilentlyMissingUnit() throws Exception {
    String name = "d".repeat(250);
    Process mkdir = new ProcessBuilder("bash", "-c",
        "cd \"$1\" && for i in $(seq 20); do mkdir " + name + " && cd " + name + " || exit 1; done; : > terragrunt.hcl",
        "mkdirs", repo.toString()).start();
    assumeTrue(mkdir.waitFor() == 0, "cannot make a deep tree here");
    try {
      int code = assertTimeoutPreemptively(HANG_GUARD, () -> tglive.execute("graph", "--repo", repo.toString()));

      assertThat(code).as(tglive.err()).isEqualTo(2);
      assertThat(tglive.err().lines().toList()).singleElement().asString()
          .startsWith("error: " + repo + "/" + name).endsWith(": cannot read the directory: File name too long");
    } finally {
      // JUnit's clean-up cannot name what lies past PATH_MAX; rm walks it relative to each directory.
      new ProcessBuilder("bash", "-c", "cd \"$1\" && rm -rf " + name, "rm", repo.toString()).start().waitFor();
    }
  }

  @Test
  void dotEscapesQuotesBackslashesAndLineBreaksInUnitPaths() throws Exception {
    write(repo, "a\"b\\c\nd/terragrunt.hcl", "");

    assertThat(tglive.execute("graph", "--repo", repo.toString())).isZero();
    assertThat(tglive.out()).isEqualTo("digraph {\n\t\"a\\\"b\\\\c\\nd\" ;\n}\n");
  }

  private static void write(Path repo, String path, String content) throws IOException {
    Path file = repo.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  private static void fifo(Path path) throws Exception {
    assumeTrue(new ProcessBuilder("mkfifo", path.toString()).start().waitFor() == 0, "mkfifo is not available");
  }

  private static void commit(Git git) throws Exception {
    git.add().addFilepattern(".").call();
    git.add().addFilepattern(".").setUpdate(true).call();
    git.commit().setMessage("c").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com")
        .setSign(false).setAllowEmpty(true).call();
  }
}
