package io.tglive.approval.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NotificationDispatcherTest {

  private final LogLines log = new LogLines();

  /** A channel whose deliveries fail {@code failures} times, then succeed. */
  private static final class Flaky implements NoticeChannel {
    final AtomicInteger tries = new AtomicInteger();
    final CountDownLatch delivered = new CountDownLatch(1);
    final int failures;

    Flaky(int failures) {
      this.failures = failures;
    }

    @Override
    public String name() {
      return "flaky";
    }

    @Override
    public Optional<Delivery> prepare(GateNotice notice) {
      return Optional.of(() -> {
        if (tries.incrementAndGet() <= failures) {
          throw new IllegalStateException("refused, try " + tries.get());
        }
        delivered.countDown();
      });
    }
  }

  @Test
  void delaysDoubleUpToTheLongest() {
    RetrySchedule schedule = new RetrySchedule(6, Duration.ofSeconds(2), Duration.ofSeconds(10));

    assertThat(List.of(1, 2, 3, 4, 5).stream().map(schedule::delayAfter).map(Duration::toSeconds))
        .containsExactly(2L, 4L, 8L, 10L, 10L);
  }

  @Test
  void closeWaitsForARetryThatIsStillToCome() throws Exception {
    Flaky channel = new Flaky(2);
    NotificationDispatcher dispatcher = new NotificationDispatcher(List.of(channel),
        new RetrySchedule(3, Duration.ofMillis(50), Duration.ofMillis(50)), log, Redaction.NONE, Duration.ofMinutes(1));

    dispatcher.gateOpened(Notices.notice(List.of("alice")));
    dispatcher.close();

    assertThat(channel.delivered.await(0, TimeUnit.MILLISECONDS)).isTrue();
    assertThat(channel.tries).hasValue(3);
    assertThat(log.lines()).containsExactly(
        "notifications: flaky for live/prod/vpc: try 1 of 3 failed (IllegalStateException: refused, try 1); "
            + "trying again in 50 ms",
        "notifications: flaky for live/prod/vpc: try 2 of 3 failed (IllegalStateException: refused, try 2); "
            + "trying again in 50 ms");
  }

  @Test
  void closeGivesUpWhatIsStillPendingAfterTheFlushTimeout() {
    Flaky channel = new Flaky(10);
    NotificationDispatcher dispatcher = new NotificationDispatcher(List.of(channel),
        new RetrySchedule(5, Duration.ofHours(1), Duration.ofHours(1)), log, Redaction.NONE, Duration.ofMillis(200));

    dispatcher.gateOpened(Notices.notice(List.of("alice")));
    dispatcher.close();

    assertThat(channel.tries).hasValue(1);
    assertThat(log.lines()).last().isEqualTo("notifications: gave up 1 notification(s) still being sent at shutdown");
  }

  @Test
  void aChannelThatThrowsWhilePreparingIsLoggedNotThrown() {
    NoticeChannel broken = new NoticeChannel() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public Optional<Delivery> prepare(GateNotice notice) {
        throw new IllegalArgumentException("no realm");
      }
    };
    try (NotificationDispatcher dispatcher = new NotificationDispatcher(List.of(broken), RetrySchedule.DEFAULT, log,
        Redaction.NONE, Duration.ofMinutes(1))) {
      dispatcher.gateOpened(Notices.notice(List.of("alice")));
    }

    assertThat(log.lines()).containsExactly(
        "notifications: broken for live/prod/vpc: not sent: IllegalArgumentException: no realm");
  }

  @Test
  void linesAboutANoticeAlsoGoToItsOwnLogWithSecretsMasked() throws Exception {
    Flaky channel = new Flaky(1);
    LogLines buildLog = new LogLines();
    NotificationDispatcher dispatcher = new NotificationDispatcher(List.of(channel),
        new RetrySchedule(2, Duration.ofMillis(10), Duration.ofMillis(10)), log, new Redaction(List.of("refused")),
        Duration.ofMinutes(1));

    dispatcher.gateOpened(Notices.notice(List.of("alice")), buildLog);
    dispatcher.close();

    assertThat(buildLog.lines()).containsExactly(
        "notifications: flaky for live/prod/vpc: try 1 of 2 failed (IllegalStateException: ****, try 1); "
            + "trying again in 10 ms");
    assertThat(log.lines()).isEqualTo(buildLog.lines());
  }
}
