package io.tglive.run.deploy;

import io.tglive.run.CommandLog;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/** The per-unit log files of a run: {@code logs/<unit path with / as __>.log}, appended command by command. */
public final class UnitLogs {

  private final Path directory;

  public UnitLogs(Path directory) {
    this.directory = directory;
  }

  /** The log file of {@code unit}. */
  public Path file(String unit) {
    return directory.resolve(fileName(unit) + ".log");
  }

  /** A file-system-safe name for a unit path. */
  public static String fileName(String unit) {
    return unit.isEmpty() ? "_root" : unit.replace("/", "__");
  }

  /** A log that appends lines to the unit's file, flushing each; close it after the command. */
  public Writer open(String unit, String heading) throws IOException {
    Files.createDirectories(directory);
    BufferedWriter writer = Files.newBufferedWriter(file(unit), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    Writer log = new Writer(writer);
    log.line("== " + Instant.now() + " " + heading);
    return log;
  }

  /** An open unit log. */
  public static final class Writer implements CommandLog, AutoCloseable {

    private final BufferedWriter writer;

    private Writer(BufferedWriter writer) {
      this.writer = writer;
    }

    @Override
    public synchronized void line(String text) {
      try {
        writer.write(text);
        writer.newLine();
        writer.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public synchronized void close() throws IOException {
      writer.close();
    }
  }
}
