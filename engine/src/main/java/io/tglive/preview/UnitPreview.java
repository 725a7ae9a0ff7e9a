package io.tglive.preview;

import io.tglive.run.CommandResult;
import io.tglive.run.RunnerException;
import io.tglive.run.deploy.UnitCommands;
import io.tglive.run.deploy.UnitLogs;
import io.tglive.run.schedule.Slots;
import io.tglive.run.terragrunt.PlanFormatException;
import io.tglive.run.terragrunt.PlanReader;
import io.tglive.run.terragrunt.PlanSummary;
import io.tglive.run.terragrunt.TerragruntCommands;
import io.tglive.stack.StackAction;
import io.tglive.stack.StackUnit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Plans one unit read-only (plan, then show of the saved plan) and summarises what it found. */
final class UnitPreview {

  /** How many lines of terragrunt's output a failure quotes. */
  static final int EXCERPT_LINES = 6;

  private final UnitCommands runner;
  private final Path plans;

  UnitPreview(UnitCommands runner, Path plans) {
    this.runner = runner;
    this.plans = plans;
  }

  /** Plans {@code unit} in {@code checkout} (of {@code commit}) and returns its preview. */
  PreviewUnit plan(StackUnit unit, String commit, Path checkout, TerragruntCommands commands)
      throws InterruptedException {
    long started = System.nanoTime();
    String path = unit.path();
    Path directory = checkout.resolve(path);
    Path planFile = plans.resolve(UnitLogs.fileName(path) + ".tfplan");
    Slots.Request slot = new Slots.Request(path, unit.account(), unit.criticalPath());
    PreviewStatus status;
    PlanSummary summary = null;
    String message = null;
    try {
      if (!Files.isDirectory(directory)) {
        throw new IOException("the unit's directory " + path + " does not exist in commit " + commit);
      }
      Files.createDirectories(plans);
      Files.deleteIfExists(planFile);
      CommandResult plan = runner.withRetries(
          commands.plan(path, directory, commit, planFile, unit.action() == StackAction.DESTROY), slot);
      if (plan.exitCode() == 0) {
        status = PreviewStatus.NO_CHANGES;
      } else if (plan.exitCode() == 2) {
        CommandResult show = runner.withRetries(commands.show(path, directory, commit, planFile), slot);
        if (show.exitCode() == 0) {
          summary = PlanReader.read(show.stdout());
          status = PreviewStatus.CHANGES;
        } else {
          status = PreviewStatus.FAILED;
          message = "show -json exited " + show.exitCode() + excerpt(path);
        }
      } else {
        status = PreviewStatus.FAILED;
        message = "plan exited " + plan.exitCode() + excerpt(path);
      }
    } catch (RunnerException | PlanFormatException e) {
      status = PreviewStatus.FAILED;
      message = e.getMessage();
    } catch (IOException e) {
      status = PreviewStatus.FAILED;
      message = "I/O error: " + e.getMessage();
    }
    return new PreviewUnit(path, unit.action(), reasons(unit), unit.account(), unit.policy(), status, summary,
        List.of(), message, Duration.ofNanos(System.nanoTime() - started));
  }

  /** The unit's reasons as text. */
  static List<String> reasons(StackUnit unit) {
    return unit.reasons().stream().map(Object::toString).toList();
  }

  /**
   * {@code : <terragrunt's error>}: up to {@value #EXCERPT_LINES} non-blank lines of the failed
   * command's output from OpenTofu's first {@code Error:} (else terragrunt's first {@code ERROR}
   * line, else the last lines), box-drawing characters dropped, joined with {@code " / "}.
   */
  private String excerpt(String unit) {
    List<String> output = new ArrayList<>();
    for (String line : lastCommandOutput(runner.logs().file(unit))) {
      String text = line.replace("│", "").replace("╷", "").replace("╵", "").strip();
      if (!text.isEmpty()) {
        output.add(text);
      }
    }
    int from = first(output, "Error:");
    if (from < 0) {
      from = first(output, " ERROR ");
    }
    if (from < 0) {
      from = Math.max(0, output.size() - EXCERPT_LINES);
    }
    List<String> kept = output.subList(from, Math.min(output.size(), from + EXCERPT_LINES));
    return kept.isEmpty() ? "" : ": " + String.join(" / ", kept);
  }

  private static int first(List<String> lines, String marker) {
    for (int i = 0; i < lines.size(); i++) {
      if (marker.endsWith(":") ? lines.get(i).startsWith(marker) : lines.get(i).contains(marker)) {
        return i;
      }
    }
    return -1;
  }

  /** The output lines of the last command in a unit log (after its last {@code == … $ command} heading). */
  private static List<String> lastCommandOutput(Path log) {
    List<String> lines;
    try {
      lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return List.of();
    }
    int start = 0;
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).startsWith("== ") && lines.get(i).contains(" $ ")) {
        start = i + 1;
        break;
      }
    }
    return lines.subList(start, lines.size()).stream().filter(line -> !line.startsWith("== exit ")).toList();
  }
}
