package io.tglive.cli;

import io.tglive.queue.AddResult;
import io.tglive.queue.DeployQueue;
import io.tglive.queue.Enqueue;
import io.tglive.queue.EntryState;
import io.tglive.queue.Next;
import io.tglive.queue.Outcome;
import io.tglive.queue.QueueEntry;
import io.tglive.queue.QueueException;
import io.tglive.queue.QueueState;
import io.tglive.report.JsonDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tglive queue}: the durable deploy queue of merged pull requests, over a queue directory. */
@Command(
    name = "queue",
    mixinStandardHelpOptions = true,
    description = "Deploy queues of merged pull requests: one deploys at a time per queue, in merge order.",
    subcommands = {
      QueueCommand.Add.class,
      QueueCommand.ListEntries.class,
      QueueCommand.OverrideEntry.class,
      QueueCommand.Remove.class,
      QueueCommand.NextEntry.class,
      QueueCommand.Complete.class,
      QueueCommand.Release.class,
    })
final class QueueCommand {

  /** Exit code of {@code next} when nothing started: the queue is empty or an entry is deploying. */
  static final int NOTHING_STARTED = 1;

  /** Options every subcommand takes: the directory and the queue's name. */
  static final class Where {

    @Option(names = "--queue-dir", paramLabel = "DIR", required = true,
        description = "The queue directory (created if missing); shared safely by processes.")
    Path directory;

    @Option(names = "--queue", paramLabel = "NAME",
        description = "The queue (default: the repository for add; the directory's only queue otherwise).")
    String queue;

    /** The queue named, or the directory's only one. */
    String resolve(DeployQueue deployQueue) throws IOException, QueueException {
      if (queue != null && !queue.isBlank()) {
        return queue;
      }
      List<String> queues = deployQueue.state().queues();
      if (queues.size() == 1) {
        return queues.get(0);
      }
      throw new QueueException(queues.isEmpty()
          ? directory + " has no queue yet; name one with --queue"
          : directory + " has several queues (" + String.join(", ", queues) + "); name one with --queue");
    }
  }

  /** {@code tglive queue add}. */
  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Adds a merged pull request; a newer commit of a waiting one replaces it in place.",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:added, or already there", "2:bad input or an unreadable queue directory"})
  static final class Add implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Where where;

    @Option(names = "--repository", paramLabel = "OWNER/NAME", required = true) String repository;
    @Option(names = "--pr", paramLabel = "N", required = true) int pr;
    @Option(names = "--base", paramLabel = "REF", required = true, description = "The branch it was merged into.")
    String base;
    @Option(names = "--head", paramLabel = "SHA", required = true, description = "The pull request's head commit.")
    String head;
    @Option(names = "--merge", paramLabel = "SHA", required = true, description = "The merge commit to deploy.")
    String merge;
    @Option(names = "--author", paramLabel = "USER", defaultValue = "") String author;
    @Option(names = "--merged-at", paramLabel = "INSTANT",
        description = "When it was merged (ISO-8601; default: now); the queue's order.")
    String mergedAt;

    @Override
    public Integer call() throws IOException, QueueException {
      try (DeployQueue deployQueue = DeployQueue.open(where.directory)) {
        AddResult result = deployQueue.add(new Enqueue(where.queue, repository, pr, base, head, merge, author,
            mergedAt));
        PrintWriter out = spec.commandLine().getOut();
        QueueEntry entry = result.entry();
        if (!result.added()) {
          out.println(entry.label() + " is already in queue " + entry.queue() + " (" + entry.state().label() + ")");
        } else if (result.superseded() != null) {
          out.println("added " + entry.label() + " to queue " + entry.queue() + " in place of "
              + result.superseded().label());
        } else {
          out.println("added " + entry.label() + " to queue " + entry.queue());
        }
        out.flush();
        return 0;
      }
    }
  }

  /** {@code tglive queue list}. */
  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Shows the deploying entry, the waiting ones with their positions, and (with --all) the rest.",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:listed", "2:bad input or an unreadable queue directory"})
  static final class ListEntries implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Where where;

    @Option(names = "--all", description = "Also the entries that ended (succeeded, dropped, superseded).")
    boolean all;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
        description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    enum Format { text, json }

    @Override
    public Integer call() throws IOException, QueueException {
      try (DeployQueue deployQueue = DeployQueue.open(where.directory)) {
        QueueState state = deployQueue.state();
        String queue = state.queues().isEmpty() && where.queue == null ? null : where.resolve(deployQueue);
        List<Row> rows = rows(state, queue);
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == Format.json ? json(queue, rows) : text(queue, rows));
        out.flush();
        return 0;
      }
    }

    /** An entry and its position: 0 deploying, 1.. waiting, null ended. */
    record Row(Integer position, QueueEntry entry) {}

    private List<Row> rows(QueueState state, String queue) {
      List<Row> rows = new ArrayList<>();
      if (queue == null) {
        return rows;
      }
      state.deploying(queue).ifPresent(e -> rows.add(new Row(0, e)));
      List<QueueEntry> waiting = state.waiting(queue);
      for (int i = 0; i < waiting.size(); i++) {
        rows.add(new Row(i + 1, waiting.get(i)));
      }
      if (all) {
        state.entries().stream()
            .filter(e -> e.queue().equals(queue) && e.state().ended())
            .sorted(Comparator.comparingLong(QueueEntry::id).reversed())
            .forEach(e -> rows.add(new Row(null, e)));
      }
      return rows;
    }

    private static String text(String queue, List<Row> rows) {
      if (queue == null) {
        return "no queue yet\n";
      }
      StringBuilder text = new StringBuilder("queue " + queue + "\n");
      if (rows.isEmpty()) {
        return text.append("  (empty)\n").toString();
      }
      text.append(String.format("  %-4s %-7s %-12s %-12s %-12s %-20s %-8s %s%n",
          "pos", "pr", "state", "head", "merge", "merged at", "attempts", "by / reason"));
      for (Row row : rows) {
        QueueEntry e = row.entry();
        String position = row.position() == null ? "-" : row.position() == 0 ? "now" : row.position().toString();
        String state = e.state().label() + (e.stopRequested() && e.state() == EntryState.DEPLOYING ? "*" : "");
        String note = e.author() + (e.reason() == null ? "" : " / " + e.reason());
        text.append(String.format("  %-4s %-7s %-12s %-12s %-12s %-20s %-8d %s%n", position, "#" + e.pr(), state,
            abbreviate(e.headCommit()), abbreviate(e.mergeCommit()), e.mergedAt(), e.attempts(), note));
      }
      return text.toString();
    }

    private static String abbreviate(String commit) {
      return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }

    private static String json(String queue, List<Row> rows) {
      return JsonDocument.write(json -> {
        json.writeStartObject();
        json.writeStringField("queue", queue);
        json.writeArrayFieldStart("entries");
        for (Row row : rows) {
          QueueEntry e = row.entry();
          json.writeStartObject();
          if (row.position() == null) {
            json.writeNullField("position");
          } else {
            json.writeNumberField("position", row.position());
          }
          json.writeNumberField("id", e.id());
          json.writeNumberField("pr", e.pr());
          json.writeStringField("state", e.state().label());
          json.writeStringField("repository", e.repository());
          json.writeStringField("baseRef", e.baseRef());
          json.writeStringField("headCommit", e.headCommit());
          json.writeStringField("mergeCommit", e.mergeCommit());
          json.writeStringField("author", e.author());
          json.writeStringField("enqueuedAt", e.enqueuedAt());
          json.writeStringField("mergedAt", e.mergedAt());
          json.writeNumberField("priority", e.priority());
          json.writeNumberField("attempts", e.attempts());
          json.writeBooleanField("stopRequested", e.stopRequested());
          json.writeStringField("reason", e.reason());
          json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
      });
    }
  }

  /** {@code tglive queue override}. */
  @Command(name = "override", mixinStandardHelpOptions = true,
      description = "Moves a waiting pull request to the front (for privileged users; the caller checks).",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:moved", "2:not waiting there, bad input or an unreadable queue directory"})
  static final class OverrideEntry implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Where where;
    @Option(names = "--pr", paramLabel = "N", required = true) int pr;
    @Option(names = "--by", paramLabel = "USER", required = true) String by;

    @Override
    public Integer call() throws IOException, QueueException {
      try (DeployQueue deployQueue = DeployQueue.open(where.directory)) {
        String queue = where.resolve(deployQueue);
        QueueEntry moved = deployQueue.override(queue, pr, by);
        return print(spec, "moved " + moved.label() + " to the front of queue " + queue);
      }
    }
  }

  /** {@code tglive queue remove}. */
  @Command(name = "remove", mixinStandardHelpOptions = true,
      description = "Drops a waiting pull request from the queue, recording who and why.",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:dropped", "2:not waiting there (or deploying), bad input or an unreadable queue directory"})
  static final class Remove implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Where where;
    @Option(names = "--pr", paramLabel = "N", required = true) int pr;
    @Option(names = "--by", paramLabel = "USER", required = true) String by;
    @Option(names = "--reason", paramLabel = "TEXT") String reason;

    @Override
    public Integer call() throws IOException, QueueException {
      try (DeployQueue deployQueue = DeployQueue.open(where.directory)) {
        String queue = where.resolve(deployQueue);
        QueueEntry dropped = deployQueue.remove(queue, pr, by, reason);
        return print(spec, "dropped " + dropped.label() + " from queue " + queue + ": " + dropped.reason());
      }
    }
  }

  /** {@code tglive queue next}. */
  @Command(name = "next", mixinStandardHelpOptions = true,
      description = "Starts deploying the head of the queue, unless an entry is deploying already.",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:the head started deploying (printed)", "1:nothing started: an entry is deploying, or the "
          + "queue is empty", "2:bad input or an unreadable queue directory"})
  static final class NextEntry implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Where where;

    @Override
    public Integer call() throws IOException, QueueException {
      try (DeployQueue deployQueue = DeployQueue.open(where.directory)) {
        String queue = where.resolve(deployQueue);
        Next next = deployQueue.next(queue);
        if (next.started() == null) {
          print(spec, next.waitReason());
          return NOTHING_STARTED;
        }
        QueueEntry e = next.started();
        return print(spec, "deploying " + e.label() + " of " + e.repository() + ": merge " + e.mergeCommit()
            + " into " + e.baseRef() + " (entry " + e.id() + ", attempt " + (e.attempts() + 1) + ")");
      }
    }
  }

  /** {@code tglive queue complete}. */
  @Command(name = "complete", mixinStandardHelpOptions = true,
      description = "Records how the deploying pull request's deployment ended.",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:recorded", "2:that pull request is not deploying, bad input or an unreadable queue "
          + "directory"})
  static final class Complete implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Where where;
    @Option(names = "--pr", paramLabel = "N", required = true) int pr;
    @Option(names = "--outcome", paramLabel = "OUTCOME", required = true,
        description = "succeeded, failed or rolled-back.")
    String outcome;
    @Option(names = "--reason", paramLabel = "TEXT") String reason;
    @Option(names = "--max-attempts", paramLabel = "N", defaultValue = "" + DeployQueue.DEFAULT_MAX_ATTEMPTS,
        description = "Failed attempts after which the entry is dropped (default: ${DEFAULT-VALUE}).")
    int maxAttempts;

    @Override
    public Integer call() throws IOException, QueueException {
      Outcome parsed;
      try {
        parsed = Outcome.of(outcome);
      } catch (IllegalArgumentException e) {
        throw new QueueException("--outcome: " + e.getMessage());
      }
      try (DeployQueue deployQueue = DeployQueue.open(where.directory)) {
        String queue = where.resolve(deployQueue);
        QueueEntry ended = deployQueue.complete(queue, pr, parsed, reason, maxAttempts);
        return print(spec, ended.label() + " " + ended.state().label()
            + (ended.reason() == null ? "" : ": " + ended.reason()));
      }
    }
  }

  /** {@code tglive queue release}. */
  @Command(name = "release", mixinStandardHelpOptions = true,
      description = "Release change: stops the deploying pull request gracefully and deploys its newest commit next.",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:the deployment was asked to stop", "2:that pull request is not deploying, has no newer "
          + "commit, bad input or an unreadable queue directory"})
  static final class Release implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Where where;
    @Option(names = "--pr", paramLabel = "N", required = true) int pr;
    @Option(names = "--by", paramLabel = "USER", required = true) String by;
    @Option(names = "--head", paramLabel = "SHA",
        description = "The newest commit, added first (with --merge) unless it is already queued.")
    String head;
    @Option(names = "--merge", paramLabel = "SHA") String merge;

    @Override
    public Integer call() throws IOException, QueueException {
      if ((head == null) != (merge == null)) {
        throw new QueueException("--head and --merge go together");
      }
      try (DeployQueue deployQueue = DeployQueue.open(where.directory)) {
        String queue = where.resolve(deployQueue);
        if (head != null) {
          Optional<QueueEntry> deploying = deployQueue.state().deploying(queue).filter(e -> e.pr() == pr);
          if (deploying.isEmpty()) {
            throw new QueueException("PR #" + pr + " is not deploying in queue " + queue);
          }
          QueueEntry current = deploying.get();
          deployQueue.add(new Enqueue(queue, current.repository(), pr, current.baseRef(), head, merge, by, null));
        }
        QueueEntry newest = deployQueue.releaseChange(queue, pr, by);
        return print(spec, "asked PR #" + pr + " to stop; " + newest.label() + " deploys next in queue " + queue);
      }
    }
  }

  private static int print(CommandSpec spec, String line) {
    PrintWriter out = spec.commandLine().getOut();
    out.println(line);
    out.flush();
    return 0;
  }
}
