package io.tglive.approval.notify;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Tells a gate's voters through every channel on background threads, so the run never waits for a
 * mail server or a webhook: {@link #gateOpened} returns at once and never throws. A delivery that
 * fails is logged and tried again on the {@link RetrySchedule}; after the last try it is logged as
 * given up. {@link #close()} waits a bounded time for what is still being sent.
 */
public final class NotificationDispatcher implements GateNotifier, AutoCloseable {

  /** Background threads: two, so a slow mail server does not hold a webhook back. */
  static final int THREADS = 2;

  private final List<NoticeChannel> channels;
  private final RetrySchedule retries;
  private final Consumer<String> log;
  private final Redaction redaction;
  private final Duration flushTimeout;
  private final ScheduledThreadPoolExecutor executor;
  private final Object lock = new Object();
  private final AtomicInteger threads = new AtomicInteger();
  private int pending;

  /**
   * @param log          receives one line per failure or problem, secrets already masked
   * @param redaction    the secrets to mask in those lines
   * @param flushTimeout how long {@link #close()} waits for deliveries still under way
   */
  public NotificationDispatcher(List<NoticeChannel> channels, RetrySchedule retries, Consumer<String> log,
      Redaction redaction, Duration flushTimeout) {
    this.channels = List.copyOf(channels);
    this.retries = retries;
    this.log = log;
    this.redaction = redaction;
    this.flushTimeout = flushTimeout;
    this.executor = new ScheduledThreadPoolExecutor(THREADS, task -> {
      Thread thread = new Thread(task, "tglive-notify-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    executor.setRemoveOnCancelPolicy(true);
  }

  /** The channels, as they name themselves. */
  public List<String> channelNames() {
    return channels.stream().map(NoticeChannel::name).toList();
  }

  @Override
  public void gateOpened(GateNotice notice) {
    gateOpened(notice, line -> { });
  }

  /**
   * As {@link #gateOpened(GateNotice)}, and every line about this notice (voters nobody could tell,
   * failed and given-up deliveries) also goes to {@code noticeLog}, secrets masked: the log of the
   * build or run whose gate opened.
   */
  public void gateOpened(GateNotice notice, Consumer<String> noticeLog) {
    Consumer<String> safe = line -> {
      try {
        noticeLog.accept(redaction.apply(line));
      } catch (RuntimeException e) {
        // a log that fails must not stop the run
      }
    };
    for (NoticeChannel channel : channels) {
      begin();
      try {
        executor.execute(() -> prepare(channel, notice, safe));
      } catch (RejectedExecutionException e) {
        end();
        log(channel, notice, safe, "not sent: notifications are shut down");
      }
    }
  }

  private void prepare(NoticeChannel channel, GateNotice notice, Consumer<String> noticeLog) {
    Optional<NoticeChannel.Delivery> delivery;
    try {
      delivery = channel.prepare(notice, noticeLog);
    } catch (RuntimeException e) {
      log(channel, notice, noticeLog, "not sent: " + describe(e));
      end();
      return;
    }
    if (delivery.isEmpty()) {
      end();
      return;
    }
    attempt(channel, notice, noticeLog, delivery.get(), 1);
  }

  private void attempt(NoticeChannel channel, GateNotice notice, Consumer<String> noticeLog,
      NoticeChannel.Delivery delivery, int attempt) {
    try {
      delivery.deliver();
      end();
      return;
    } catch (InterruptedException e) {
      log(channel, notice, noticeLog, "not sent: interrupted at shutdown");
      Thread.currentThread().interrupt();
      end();
      return;
    } catch (Exception e) {
      if (attempt >= retries.attempts()) {
        log(channel, notice, noticeLog, "gave up after " + attempt + " tries: " + describe(e));
        end();
        return;
      }
      Duration delay = retries.delayAfter(attempt);
      log(channel, notice, noticeLog, "try " + attempt + " of " + retries.attempts() + " failed (" + describe(e)
          + "); trying again in " + seconds(delay));
      try {
        executor.schedule(() -> attempt(channel, notice, noticeLog, delivery, attempt + 1), delay.toMillis(),
            TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException shutDown) {
        log(channel, notice, noticeLog, "not tried again: notifications are shut down");
        end();
      }
    }
  }

  /**
   * Waits up to the flush timeout for deliveries under way (retries included), then stops; what is
   * still pending is logged as given up. Idempotent.
   */
  @Override
  public void close() {
    long deadline = System.nanoTime() + flushTimeout.toNanos();
    int left;
    synchronized (lock) {
      try {
        while (pending > 0 && System.nanoTime() < deadline) {
          lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      left = pending;
    }
    executor.shutdownNow();
    if (left > 0) {
      log.accept("notifications: gave up " + left + " notification(s) still being sent at shutdown");
    }
  }

  private void begin() {
    synchronized (lock) {
      pending++;
    }
  }

  private void end() {
    synchronized (lock) {
      pending--;
      lock.notifyAll();
    }
  }

  private void log(NoticeChannel channel, GateNotice notice, Consumer<String> noticeLog, String message) {
    String line = "notifications: " + channel.name() + " for " + notice.unit() + ": " + message;
    try {
      log.accept(redaction.apply(line));
    } catch (RuntimeException e) {
      // a log that fails must not stop the run either
    }
    noticeLog.accept(line);
  }

  private static String describe(Throwable e) {
    StringBuilder text = new StringBuilder(e.getClass().getSimpleName());
    if (e.getMessage() != null) {
      text.append(": ").append(e.getMessage().strip());
    }
    Throwable cause = e.getCause();
    if (cause != null && cause != e && cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
      text.append(" (").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage().strip())
          .append(')');
    }
    return text.toString();
  }

  private static String seconds(Duration delay) {
    return delay.toMillis() % 1000 == 0 ? delay.toSeconds() + " s" : delay.toMillis() + " ms";
  }
}
