package io.tglive.bench;

import io.tglive.run.CommandResult;
import io.tglive.run.UnitRunner;
import io.tglive.run.deploy.DeployOptions;
import io.tglive.run.deploy.Deployment;
import io.tglive.run.deploy.RunOutcome;
import io.tglive.run.gate.NoGate;
import io.tglive.run.schedule.DependencyTracker;
import io.tglive.run.schedule.Slots;
import io.tglive.run.state.EventType;
import io.tglive.run.state.RunEvent;
import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunJournal;
import io.tglive.run.state.RunLedger;
import io.tglive.run.state.RunUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Figures for {@code tglive run}'s scheduling, printed, never asserted:
 *
 * <ul>
 *   <li>makespan on random DAGs with random unit durations, on a simulated clock (no sleeping),
 *       driving the production {@link DependencyTracker} and {@link Slots}: eager scheduling with
 *       unlimited runners against the critical-path bound (1.00 is optimal), wave-by-wave
 *       scheduling against the same bound, and eager with N runners against
 *       max(critical path, total work / N);
 *   <li>orchestration overhead: a 1,000-unit run through the real {@link Deployment} (journal with
 *       fsync, snapshots, logs, slots, threads) against a stand-in runner that answers at once, in
 *       milliseconds per unit.
 * </ul>
 */
public final class RunBenchmark {

  private RunBenchmark() {}

  /** A unit of a random DAG: what it waits for and how long it takes. */
  private record Dag(List<Set<Integer>> after, double[] duration) {
    int size() {
      return duration.length;
    }
  }

  public static void main(String[] args) throws Exception {
    int units = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0]) : 1000;
    System.out.println("== makespan on random DAGs (simulated clock; mean of 20 DAGs per row)");
    System.out.printf("%-7s %-6s %-22s %-22s %-26s %-26s%n", "units", "edges", "eager/CP (unlimited)",
        "waves/CP (unlimited)", "eager 4 runners / bound", "eager 16 runners / bound");
    for (int size : new int[] {50, 200, units}) {
      for (int maxEdges : new int[] {1, 3}) {
        double eager = 0;
        double waves = 0;
        double four = 0;
        double sixteen = 0;
        int samples = 20;
        for (int seed = 0; seed < samples; seed++) {
          Dag dag = randomDag(size, maxEdges, new Random(seed * 7919L + size + maxEdges));
          double critical = criticalPath(dag);
          double total = 0;
          for (double d : dag.duration()) {
            total += d;
          }
          eager += simulateEager(dag, Integer.MAX_VALUE) / critical;
          waves += simulateWaves(dag) / critical;
          four += simulateEager(dag, 4) / Math.max(critical, total / 4);
          sixteen += simulateEager(dag, 16) / Math.max(critical, total / 16);
        }
        System.out.printf("%-7d %-6s %-22.3f %-22.3f %-26.3f %-26.3f%n", size, "<=" + maxEdges, eager / samples,
            waves / samples, four / samples, sixteen / samples);
      }
    }
    System.out.println();
    System.out.println("== orchestration overhead: " + units + " units, stand-in runner answering at once");
    double fsync = fsyncMillis();
    System.out.printf("floor: one forced journal append takes %.2f ms here; a unit needs 3 (gate, apply start,"
        + " applied) = %.2f ms/unit when nothing runs in parallel%n", fsync, 3 * fsync);
    for (int parallelism : new int[] {1, 8}) {
      double perUnit = overhead(units, parallelism);
      System.out.printf("parallelism %-3d %.2f ms/unit (goal <= 20 ms/unit)%n", parallelism, perUnit);
    }
  }

  /** A DAG where unit i waits for up to {@code maxEdges} random earlier units; durations 1–100. */
  private static Dag randomDag(int size, int maxEdges, Random random) {
    List<Set<Integer>> after = new ArrayList<>();
    double[] duration = new double[size];
    for (int i = 0; i < size; i++) {
      Set<Integer> waits = new TreeSet<>();
      int edges = i == 0 ? 0 : random.nextInt(maxEdges + 1);
      for (int e = 0; e < edges; e++) {
        waits.add(random.nextInt(i));
      }
      after.add(waits);
      duration[i] = 1 + random.nextDouble() * 99;
    }
    return new Dag(after, duration);
  }

  private static double criticalPath(Dag dag) {
    double[] finish = new double[dag.size()];
    double longest = 0;
    for (int i = 0; i < dag.size(); i++) {
      double start = 0;
      for (int w : dag.after().get(i)) {
        start = Math.max(start, finish[w]);
      }
      finish[i] = start + dag.duration()[i];
      longest = Math.max(longest, finish[i]);
    }
    return longest;
  }

  /** Units on the longest chain of units waiting for each unit (what StackBuilder computes). */
  private static int[] unitCriticalPaths(Dag dag) {
    int[] path = new int[dag.size()];
    for (int i = dag.size() - 1; i >= 0; i--) {
      for (int w : dag.after().get(i)) {
        path[w] = Math.max(path[w], 1 + path[i]);
      }
    }
    return path;
  }

  /** Eager scheduling with the production tracker and slots, on a simulated clock. */
  private static double simulateEager(Dag dag, int runners) {
    Map<String, Set<String>> after = new HashMap<>();
    for (int i = 0; i < dag.size(); i++) {
      Set<String> waits = new TreeSet<>();
      dag.after().get(i).forEach(w -> waits.add(Integer.toString(w)));
      after.put(Integer.toString(i), waits);
    }
    int[] priority = unitCriticalPaths(dag);
    DependencyTracker tracker = new DependencyTracker(after);
    Slots slots = new Slots(runners, Map.of());
    record Finish(double at, Slots.Request request) {}
    PriorityQueue<Finish> running = new PriorityQueue<>((a, b) -> Double.compare(a.at(), b.at()));
    double now = 0;
    int done = 0;
    while (done < dag.size()) {
      for (String unit : tracker.takeReady()) {
        slots.request(new Slots.Request(unit, null, priority[Integer.parseInt(unit)]));
      }
      for (Slots.Request granted : slots.grant()) {
        running.add(new Finish(now + dag.duration()[Integer.parseInt(granted.unit())], granted));
      }
      Finish next = running.poll();
      now = next.at();
      slots.release(next.request());
      tracker.succeeded(next.request().unit());
      done++;
    }
    return now;
  }

  /** Wave by wave: a wave starts when the whole previous wave has finished. */
  private static double simulateWaves(Dag dag) {
    int[] level = new int[dag.size()];
    Map<Integer, Double> longest = new HashMap<>();
    for (int i = 0; i < dag.size(); i++) {
      for (int w : dag.after().get(i)) {
        level[i] = Math.max(level[i], level[w] + 1);
      }
      longest.merge(level[i], dag.duration()[i], Math::max);
    }
    return longest.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /** Milliseconds per forced append to a journal in the temporary directory (the disk's fsync cost). */
  private static double fsyncMillis() throws Exception {
    Path dir = Files.createTempDirectory("tglive-fsync-bench");
    Path file = dir.resolve("journal.jsonl");
    int appends = 200;
    try (RunJournal journal = RunJournal.open(file, RunJournal.read(file))) {
      long started = System.nanoTime();
      for (int i = 0; i < appends; i++) {
        RunEvent event = journal.append(RunEvent.of(EventType.PLANNING, "u" + i));
        journal.sync(event.seq());
      }
      return (System.nanoTime() - started) / 1e6 / appends;
    }
  }

  /** Wall time per unit of a real Deployment whose runner answers at once (plan: changes; apply: ok). */
  private static double overhead(int size, int parallelism) throws Exception {
    Path dir = Files.createTempDirectory("tglive-run-bench");
    Dag dag = randomDag(size, 3, new Random(size));
    int[] priority = unitCriticalPaths(dag);
    List<RunUnit> units = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      List<String> waits = dag.after().get(i).stream().map(w -> "u" + w).toList();
      units.add(new RunUnit("u" + i, false, null, waits, priority[i], List.of(), 0, 1));
      Files.createDirectories(dir.resolve("checkout/u" + i));
    }
    String show = "{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"terraform_data.x\","
        + "\"provider_name\":\"terraform.io/builtin/terraform\",\"change\":{\"actions\":[\"create\"]}}]}";
    UnitRunner standIn = (command, log) -> switch (command.kind()) {
      case PLAN -> {
        try {
          Files.writeString(command.planFile().orElseThrow(), "plan of " + command.unit());
        } catch (java.io.IOException e) {
          throw new io.tglive.run.RunnerException("cannot write the plan: " + e.getMessage(), false, e);
        }
        yield new CommandResult(2, "", Duration.ZERO);
      }
      case SHOW -> new CommandResult(0, show, Duration.ZERO);
      case VERSION -> new CommandResult(0, "terragrunt version v1.1.3", Duration.ZERO);
      default -> new CommandResult(0, "", Duration.ZERO);
    };
    long started = System.nanoTime();
    RunOutcome outcome;
    try (RunLedger ledger = RunLedger.create(dir.resolve("run"), new RunHeader("bench", dir.toString(), "b", "b", "h",
        "h", units))) {
      outcome = new Deployment(ledger, observer -> standIn, new NoGate(), commit -> dir.resolve("checkout"),
          DeployOptions.defaults(parallelism)).run();
    }
    double perUnit = (System.nanoTime() - started) / 1e6 / size;
    if (outcome != RunOutcome.SUCCEEDED) {
      throw new IllegalStateException("benchmark run " + outcome);
    }
    return perUnit;
  }
}
