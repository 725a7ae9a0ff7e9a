package io.tglive.preview;

import io.tglive.run.UnitRunner;
import io.tglive.run.deploy.Checkouts;
import io.tglive.run.deploy.UnitCommands;
import io.tglive.run.deploy.UnitLogs;
import io.tglive.run.schedule.BlockingSlots;
import io.tglive.run.terragrunt.CommandSettings;
import io.tglive.run.terragrunt.TerragruntCommands;
import io.tglive.run.terragrunt.TerragruntDialect;
import io.tglive.run.terragrunt.TerragruntVersion;
import io.tglive.stack.CiStackResult;
import io.tglive.stack.StackAction;
import io.tglive.stack.StackResult;
import io.tglive.stack.StackUnit;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The preview of a pull request: every unit of its stack whose in-stack dependencies the change
 * leaves alone is planned now, read-only (plan and show only, through a {@link ReadOnlyRunner},
 * with {@code -lock=false} so a preview never waits for or blocks a deployment's state lock), in
 * parallel within a bound; a unit that depends on another unit of the stack is not planned, since
 * its plan would read outputs the change has not applied yet, and is listed as planned after that
 * unit applies. Deleted units are planned for destruction in the base tree: a destroy plan reads
 * only the unit's own state, which the change's applies leave alone.
 */
public final class Preview {

  /** Added to every preview plan: a plan writes no state, so it needs no lock. */
  static final String NO_LOCK = "-lock=false";

  private final UnitRunner runner;
  private final Checkouts checkouts;
  private final Path directory;
  private final PreviewOptions options;

  /**
   * @param runner runs the commands (wrapped so that it is never asked to apply)
   * @param checkouts where the base and head commits are checked out
   * @param directory where plans ({@code plans/}) and unit logs ({@code logs/}) are written
   */
  public Preview(UnitRunner runner, Checkouts checkouts, Path directory, PreviewOptions options) {
    this.runner = new ReadOnlyRunner(runner);
    this.checkouts = checkouts;
    this.directory = directory.toAbsolutePath().normalize();
    this.options = options;
  }

  /** Plans the stack of a CI build and summarises it. */
  public PreviewSummary preview(CiStackResult planned) throws IOException, InterruptedException {
    return preview(planned.result(), planned.revisions());
  }

  /**
   * Plans {@code stack} and summarises it; {@code revisions} says in one line which commits were compared.
   *
   * @throws IOException when a commit cannot be checked out or terragrunt cannot run at all
   */
  public PreviewSummary preview(StackResult stack, String revisions) throws IOException, InterruptedException {
    long started = System.nanoTime();
    Map<String, StackUnit> units = new LinkedHashMap<>();
    stack.stack().order().forEach(level -> level.forEach(path -> units.put(path, stack.stack().units().get(path))));
    Map<String, PreviewUnit> previews = new LinkedHashMap<>();
    Map<String, Future<PreviewUnit>> planning = new LinkedHashMap<>();
    if (!units.isEmpty()) {
      TerragruntDialect dialect = TerragruntVersion.detect(runner, options.commands().apply(null),
          options.environment(), checkouts.root(stack.head()));
      UnitPreview planner = new UnitPreview(new UnitCommands(runner,
          new BlockingSlots(options.parallelism(), Map.of()), options.retry(), new UnitLogs(directory.resolve("logs"))),
          directory.resolve("plans"));
      ExecutorService pool = Executors.newFixedThreadPool(options.parallelism(), daemonThreads());
      try {
        for (StackUnit unit : units.values()) {
          List<String> waitingFor = waitingFor(unit, units);
          if (!waitingFor.isEmpty()) {
            previews.put(unit.path(), new PreviewUnit(unit.path(), unit.action(), UnitPreview.reasons(unit),
                unit.account(), unit.policy(), PreviewStatus.WAITING, null, waitingFor, null, Duration.ZERO));
            continue;
          }
          String commit = unit.action() == StackAction.DESTROY ? stack.base() : stack.head();
          Path checkout = checkouts.root(commit);
          TerragruntCommands commands = new TerragruntCommands(readOnly(options.commands().apply(unit.account())),
              dialect, options.environment());
          planning.put(unit.path(), pool.submit(() -> planner.plan(unit, commit, checkout, commands)));
        }
        for (Map.Entry<String, Future<PreviewUnit>> unit : planning.entrySet()) {
          previews.put(unit.getKey(), unit.getValue().get());
        }
      } catch (ExecutionException e) {
        throw new IllegalStateException("internal error planning a unit: " + e.getCause(), e.getCause());
      } finally {
        pool.shutdownNow();
        // interrupted runners stop their process trees before they return
        pool.awaitTermination(30, TimeUnit.SECONDS);
      }
    }
    List<PreviewUnit> ordered = new ArrayList<>();
    units.keySet().forEach(path -> ordered.add(previews.get(path)));
    return new PreviewSummary(stack.base(), stack.head(), revisions, ordered, stack.incompleteness(),
        stack.warnings(), Duration.ofNanos(System.nanoTime() - started));
  }

  /** The in-stack units an apply reads outputs from (its direct dependencies); none for a destroy. */
  static List<String> waitingFor(StackUnit unit, Map<String, StackUnit> stack) {
    if (unit.action() == StackAction.DESTROY) {
      return List.of();
    }
    return unit.dependencies().stream()
        .filter(dependency -> stack.containsKey(dependency) && stack.get(dependency).action() == StackAction.APPLY)
        .toList();
  }

  /** The account's settings with {@code -lock=false} added to plans. */
  private static CommandSettings readOnly(CommandSettings settings) {
    if (settings.planArgs().contains(NO_LOCK)) {
      return settings;
    }
    List<String> planArgs = new ArrayList<>(settings.planArgs());
    planArgs.add(NO_LOCK);
    return new CommandSettings(settings.terragrunt(), planArgs, settings.applyArgs(), settings.timeout());
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "preview-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
