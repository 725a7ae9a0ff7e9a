package io.tglive.queue;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The writer process {@link QueueCrashTest} kills: operates on a queue directory forever, printing
 * {@code B <head>} before and {@code A <head>} after each add returns (so the test knows which adds
 * were acknowledged), after {@code READY}. Arguments: directory, writer name, random seed, and
 * optionally a number of operations after which to exit (to record a class-data archive).
 */
public final class QueueCrashWriter {

  static final List<String> QUEUES = List.of("live", "other");
  static final int PRS = 40;
  static final int COMPACT_EVERY = 50;
  static final int MAX_ATTEMPTS = 3;

  private QueueCrashWriter() {}

  public static void main(String[] args) throws Exception {
    Path directory = Path.of(args[0]);
    String name = args[1];
    Random random = new Random(Long.parseLong(args[2]));
    long stopAfter = args.length > 3 ? Long.parseLong(args[3]) : Long.MAX_VALUE;
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
    try (DeployQueue queue = DeployQueue.open(directory, Clock.systemUTC(), COMPACT_EVERY)) {
      queue.state();
      out.println("READY");
      out.flush();
      for (long n = 0; n < stopAfter; n++) {
        String name1 = QUEUES.get(random.nextInt(QUEUES.size()));
        int roll = random.nextInt(100);
        try {
          if (roll < 55) {
            String head = name + "-" + n;
            out.println("B " + head);
            out.flush();
            queue.add(new Enqueue(name1, "acme/" + name1, 1 + random.nextInt(PRS), "main", head, "m-" + head,
                name, null));
            out.println("A " + head);
            out.flush();
          } else if (roll < 70) {
            queue.next(name1);
          } else if (roll < 88) {
            Optional<QueueEntry> deploying = queue.deploying(name1);
            if (deploying.isPresent()) {
              Outcome outcome = Outcome.values()[random.nextInt(Outcome.values().length)];
              queue.complete(name1, deploying.get().pr(), outcome, "writer " + name, MAX_ATTEMPTS);
            }
          } else if (roll < 92) {
            Optional<QueueEntry> deploying = queue.deploying(name1);
            if (deploying.isPresent()) {
              queue.releaseChange(name1, deploying.get().pr(), name);
            }
          } else {
            List<QueueEntry> waiting = queue.waiting(name1);
            if (!waiting.isEmpty()) {
              QueueEntry pick = waiting.get(random.nextInt(waiting.size()));
              if (roll < 97) {
                queue.override(name1, pick.pr(), name);
              } else {
                queue.remove(name1, pick.pr(), name, "crash test");
              }
            }
          }
        } catch (QueueException expected) {
          // another writer changed the queue between the read and the operation, or no newer commit waits
        }
      }
    }
  }
}
