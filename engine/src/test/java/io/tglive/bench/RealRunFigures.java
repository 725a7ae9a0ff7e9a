package io.tglive.bench;

import io.tglive.run.state.EventType;
import io.tglive.run.state.RunEvent;
import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunJournal;
import io.tglive.run.state.RunUnit;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Figures of real runs, printed, never asserted: for each run directory, the run's wall time (from
 * {@code RUN_STARTED} to {@code RUN_ENDED}) against the sum of its terragrunt calls' own times (each
 * {@code PROCESS_STARTED} to its {@code PROCESS_ENDED}), and their ratio, the parallelism the run
 * reached; and the run's wall time against its critical chain: the longest chain of units (each
 * waiting for its {@code after} units) counting each unit's terragrunt time, the least wall time any
 * scheduler with unlimited runners and no overhead of its own could reach. {@code ./bench run} deploys the bundled example with the real tools and passes the folder
 * of its run directories here (each argument is a run directory or a folder of them, by name).
 */
public final class RealRunFigures {

  private RealRunFigures() {}

  /** One run's figures. */
  record Figures(int units, int calls, Duration wall, Duration calling, Duration chain) {}

  public static void main(String[] args) throws Exception {
    System.out.printf("%-18s %6s %6s %9s %17s %11s %17s %13s%n", "run", "units", "calls", "wall (s)",
        "sum of calls (s)", "sum / wall", "critical chain (s)", "wall / chain");
    List<Path> runs = new java.util.ArrayList<>();
    for (String arg : args) {
      Path path = Path.of(arg);
      if (java.nio.file.Files.isRegularFile(path.resolve("journal.jsonl"))) {
        runs.add(path);
      } else {
        try (var children = java.nio.file.Files.list(path)) {
          children.filter(c -> java.nio.file.Files.isRegularFile(c.resolve("journal.jsonl"))).sorted()
              .forEach(runs::add);
        }
      }
    }
    for (Path run : runs) {
      Figures figures = of(RunJournal.read(run.resolve("journal.jsonl")).events());
      System.out.printf("%-18s %6d %6d %9.1f %17.1f %11.2f %17.1f %13.2f%n", run.getFileName(), figures.units(),
          figures.calls(), seconds(figures.wall()), seconds(figures.calling()),
          seconds(figures.calling()) / seconds(figures.wall()), seconds(figures.chain()),
          seconds(figures.wall()) / seconds(figures.chain()));
    }
  }

  static Figures of(List<RunEvent> events) {
    Instant started = null;
    Instant ended = null;
    RunHeader header = null;
    Map<Long, Instant> open = new HashMap<>();
    Map<String, Duration> perUnit = new HashMap<>();
    Duration calling = Duration.ZERO;
    int calls = 0;
    for (RunEvent event : events) {
      Instant at = Instant.parse(event.at());
      if (event.type() == EventType.RUN_STARTED) {
        started = at;
        header = event.header();
      } else if (event.type() == EventType.RUN_ENDED) {
        ended = at;
      } else if (event.type() == EventType.PROCESS_STARTED) {
        open.put(event.pid(), at);
      } else if (event.type() == EventType.PROCESS_ENDED && open.containsKey(event.pid())) {
        Duration call = Duration.between(open.remove(event.pid()), at);
        calling = calling.plus(call);
        perUnit.merge(event.unit(), call, Duration::plus);
        calls++;
      }
    }
    if (started == null || ended == null) {
      throw new IllegalArgumentException("the journal has no whole run (RUN_STARTED ... RUN_ENDED)");
    }
    Map<String, RunUnit> units = new HashMap<>();
    header.units().forEach(u -> units.put(u.path(), u));
    Map<String, Duration> chains = new HashMap<>();
    Duration chain = Duration.ZERO;
    for (String unit : units.keySet()) {
      Duration through = chain(unit, units, perUnit, chains);
      chain = through.compareTo(chain) > 0 ? through : chain;
    }
    return new Figures(units.size(), calls, Duration.between(started, ended), calling, chain);
  }

  /** The longest chain of terragrunt time ending with {@code unit}. */
  private static Duration chain(String unit, Map<String, RunUnit> units, Map<String, Duration> perUnit,
      Map<String, Duration> memo) {
    Duration known = memo.get(unit);
    if (known != null) {
      return known;
    }
    Duration before = Duration.ZERO;
    for (String after : units.get(unit).after()) {
      if (units.containsKey(after)) {
        Duration through = chain(after, units, perUnit, memo);
        before = through.compareTo(before) > 0 ? through : before;
      }
    }
    Duration total = before.plus(perUnit.getOrDefault(unit, Duration.ZERO));
    memo.put(unit, total);
    return total;
  }

  private static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }
}
