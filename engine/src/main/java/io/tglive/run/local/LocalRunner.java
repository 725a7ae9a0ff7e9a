package io.tglive.run.local;

import io.tglive.run.CommandLog;
import io.tglive.run.CommandResult;
import io.tglive.run.CommandSpec;
import io.tglive.run.RunnerException;
import io.tglive.run.UnitRunner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands as local processes: output streamed line by line to the unit's log (standard output
 * also kept for the result), a timeout per command, and the whole process tree stopped on timeout
 * or interrupt.
 */
public final class LocalRunner implements UnitRunner {

  private final Duration grace;
  private final ProcessObserver observer;

  /**
   * @param grace how long stopped processes get to end after SIGTERM before they are killed
   * @param observer told of every process started and ended
   */
  public LocalRunner(Duration grace, ProcessObserver observer) {
    this.grace = grace;
    this.observer = observer;
  }

  @Override
  public CommandResult run(CommandSpec command, CommandLog log) throws RunnerException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command.argv()).directory(command.workingDirectory().toFile());
    builder.environment().putAll(command.environment());
    builder.environment().putAll(observer.marker());
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    long started = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new RunnerException(command.unit() + ": cannot start " + command.argv().get(0) + ": " + e.getMessage(),
          false, e);
    }
    ProcessHandle handle = process.toHandle();
    observer.started(command, handle);
    StringBuilder stdout = new StringBuilder();
    Thread out = pump(process.getInputStream(), line -> {
      stdout.append(line).append('\n');
      log.line(line);
    }, command.unit() + " stdout");
    Thread err = pump(process.getErrorStream(), log, command.unit() + " stderr");
    try {
      if (!process.waitFor(command.timeout().toNanos(), TimeUnit.NANOSECONDS)) {
        ProcessTrees.stop(handle, grace);
        join(out, err);
        observer.ended(command, handle);
        throw new RunnerException(command.unit() + ": " + String.join(" ", command.argv().subList(0,
            Math.min(2, command.argv().size()))) + " timed out after " + command.timeout(), false);
      }
      join(out, err);
    } catch (InterruptedException e) {
      ProcessTrees.stop(handle, grace);
      observer.ended(command, handle);
      throw e;
    }
    observer.ended(command, handle);
    return new CommandResult(process.exitValue(), stdout.toString(), Duration.ofNanos(System.nanoTime() - started));
  }

  private static void join(Thread... threads) throws InterruptedException {
    for (Thread thread : threads) {
      thread.join();
    }
  }

  private static Thread pump(InputStream stream, CommandLog sink, String name) {
    Thread thread = new Thread(() -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          sink.line(line);
        }
      } catch (IOException e) {
        sink.line("(output lost: " + e.getMessage() + ")");
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
