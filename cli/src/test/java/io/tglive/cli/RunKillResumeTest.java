package io.tglive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code tglive run} with SIGKILL at random points, resumes it with {@code --resume}, and
 * checks after every completed run that no unit was applied twice and none was skipped, that the
 * run succeeded, and that no terragrunt the killed processes left behind is still running.
 * Terragrunt is the SCRIPTED STAND-IN {@code kill-standin-terragrunt.sh}: the real tools cannot be
 * made to be killed at a chosen point, and a stand-in keeps each of the kills cheap. Each kill lands
 * at a random time after the (re)started process wrote its first journal event. The number of kills
 * is {@code -Dtglive.kills=N}: 20 in the default build, 100 with {@code -Pkill-test}.
 */
class RunKillResumeTest {

  private static final int KILLS = Integer.getInteger("tglive.kills", 20);
  private static final int MAX_KILLS_PER_RUN = 4;
  private static final Pattern STOPPED = Pattern.compile("\"(\\d+) leftover process\\(es\\) stopped");

  // u0 <- u1, u2 <- u3 ; u4 <- u5 ; u6 alone
  private static final Map<String, List<String>> UNITS = Map.of(
      "u0", List.of(), "u1", List.of("u0"), "u2", List.of("u0"), "u3", List.of("u1", "u2"),
      "u4", List.of(), "u5", List.of("u4"), "u6", List.of());

  @TempDir Path tmp;

  @Test
  void killedAtRandomPointsAndResumedNoUnitIsAppliedTwiceOrSkipped() throws Exception {
    Path standin = tmp.resolve("terragrunt");
    try (InputStream script = getClass().getResourceAsStream("kill-standin-terragrunt.sh")) {
      Files.write(standin, script.readAllBytes());
    }
    Files.setPosixFilePermissions(standin, PosixFilePermissions.fromString("rwxr-xr-x"));
    Random random = new Random(Long.getLong("tglive.kills.seed", 20261130L));
    int kills = 0;
    int runs = 0;
    int leftoversStopped = 0;
    int killedMidApply = 0;
    // The random kills usually hit an apply and leave a terragrunt running; when they did not (a
    // loaded machine shifts every timing), one more run is killed the moment an apply is journaled
    // (its process may not be journaled yet), with an apply long enough to outlive the killed run.
    int targetedRuns = 0;
    while (kills < KILLS || (leftoversStopped == 0 || killedMidApply == 0) && targetedRuns < 3) {
      boolean targeted = kills >= KILLS;
      targetedRuns += targeted ? 1 : 0;
      runs++;
      Path trial = tmp.resolve("run" + runs);
      Path repo = liveRepo(trial.resolve("repo"));
      Path state = Files.createDirectories(trial.resolve("state"));
      Path runDir = trial.resolve("rundir");
      int killsHere = 0;
      int exit;
      while (true) {
        boolean resume = Files.exists(runDir.resolve("journal.jsonl")) && Files.size(runDir.resolve("journal.jsonl")) > 0;
        Process process = start(standin, repo, state, runDir, resume, trial.resolve("out.log"),
            targeted ? "5" : "0.4");
        boolean kill = targeted ? killsHere == 0 : killsHere < MAX_KILLS_PER_RUN && kills < KILLS;
        if (kill && (targeted ? applying(process, runDir)
            : started(process, runDir) && !process.waitFor(random.nextInt(2500), TimeUnit.MILLISECONDS))) {
          killedMidApply += midApply(runDir) ? 1 : 0;
          process.destroyForcibly().waitFor();
          kills++;
          killsHere++;
          continue;
        }
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("tglive run ended").isTrue();
        exit = process.exitValue();
        break;
      }
      String output = Files.readString(trial.resolve("out.log"));
      assertThat(exit).as(output).isZero();
      for (String unit : UNITS.keySet()) {
        assertThat(Files.readString(state.resolve(unit)).strip())
            .as("unit %s applied exactly once, with the head's version (%s)", unit, output).isEqualTo("1 v1");
      }
      List<String> journal = Files.readAllLines(runDir.resolve("journal.jsonl"));
      for (String unit : UNITS.keySet()) {
        assertThat(journal.stream().filter(l -> l.contains("\"type\":\"APPLIED\"") && l.contains("\"unit\":\"" + unit
            + "\"")).count()).as("APPLIED events of %s", unit).isEqualTo(1);
      }
      assertThat(journal.get(journal.size() - 1)).contains("\"outcome\":\"succeeded\"");
      // what each resume stopped: journaled commands and commands carrying the run's marker (a command
      // whose parent pipe closed may die by itself, leaving only what it started)
      leftoversStopped += journal.stream().filter(l -> l.contains("\"type\":\"RUN_RESUMED\""))
          .map(STOPPED::matcher).filter(Matcher::find).mapToInt(m -> Integer.parseInt(m.group(1))).sum();
      assertThat(ProcessHandle.allProcesses()
          .filter(p -> p.info().commandLine().orElse("").contains(trial.toString()))).isEmpty();
    }
    System.out.printf("kill/resume: %d kills over %d runs, %d while an apply was running, "
        + "%d leftover terragrunt processes stopped on resume%n", kills, runs, killedMidApply, leftoversStopped);
    assertThat(leftoversStopped).as("some kills left a terragrunt running").isPositive();
    assertThat(killedMidApply).as("some kills hit an apply").isPositive();
  }

  /**
   * Waits until the run has recorded more than its start (the JVM start and the stack computation
   * before it are not interesting kill points) or has ended; true if it is still running.
   */
  private static boolean started(Process process, Path runDir) throws Exception {
    Path journal = runDir.resolve("journal.jsonl");
    long before = Files.exists(journal) ? Files.size(journal) : 0;
    while (process.isAlive()) {
      if (Files.exists(journal) && Files.size(journal) > before) {
        return true;
      }
      Thread.sleep(10);
    }
    return false;
  }

  /** Waits until the run journals an apply that has not ended; false if the process ended first. */
  private static boolean applying(Process process, Path runDir) throws Exception {
    while (process.isAlive()) {
      if (midApply(runDir)) {
        return true;
      }
      Thread.sleep(10);
    }
    return false;
  }

  private static boolean midApply(Path runDir) throws IOException {
    Path journal = runDir.resolve("journal.jsonl");
    if (!Files.exists(journal)) {
      return false;
    }
    Map<String, String> last = new HashMap<>();
    for (String line : Files.readAllLines(journal)) {
      int at = line.indexOf("\"unit\":\"");
      if (at >= 0 && (line.contains("\"APPLY_STARTED\"") || line.contains("\"APPLIED\"")
          || line.contains("\"FAILED\""))) {
        last.put(line.substring(at + 8, line.indexOf('"', at + 8)), line);
      }
    }
    return last.values().stream().anyMatch(l -> l.contains("APPLY_STARTED"));
  }

  private static Process start(Path standin, Path repo, Path state, Path runDir, boolean resume, Path log,
      String applySeconds) throws IOException {
    List<String> argv = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        Tglive.class.getName(), "run", "--repo", repo.toString(), "--terragrunt", standin.toString(),
        "--parallelism", "2"));
    if (resume) {
      argv.addAll(List.of("--resume", runDir.toString()));
    } else {
      argv.addAll(List.of("--base", "main", "--head", "feature", "--run-dir", runDir.toString()));
    }
    ProcessBuilder builder = new ProcessBuilder(argv)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().put("STANDIN_STATE", state.toString());
    builder.environment().put("STANDIN_PLAN_SECONDS", "0.05");
    builder.environment().put("STANDIN_APPLY_SECONDS", applySeconds);
    return builder.start();
  }

  /** A repository whose branch feature adds the units (main has none), each with version v1. */
  private static Path liveRepo(Path repo) throws Exception {
    Files.createDirectories(repo);
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      Files.writeString(repo.resolve("README.md"), "live\n");
      commit(git);
      git.checkout().setCreateBranch(true).setName("feature").call();
      for (Map.Entry<String, List<String>> unit : UNITS.entrySet()) {
        StringBuilder hcl = new StringBuilder();
        for (String dependency : unit.getValue()) {
          hcl.append("dependency \"").append(dependency).append("\" {\n  config_path = \"../").append(dependency)
              .append("\"\n}\n");
        }
        Path dir = Files.createDirectories(repo.resolve(unit.getKey()));
        Files.writeString(dir.resolve("terragrunt.hcl"), hcl.toString(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("version"), "v1\n", StandardCharsets.UTF_8);
      }
      commit(git);
    }
    return repo;
  }

  private static void commit(Git git) throws Exception {
    git.add().addFilepattern(".").call();
    git.commit().setMessage("c").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
  }
}
