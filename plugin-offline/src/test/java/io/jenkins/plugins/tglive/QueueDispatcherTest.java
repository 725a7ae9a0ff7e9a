package io.jenkins.plugins.tglive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.queue.CauseOfBlockage;
import java.lang.reflect.Field;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queue dispatcher keeps a queue's builds one at a time, with a readable reason. */
class QueueDispatcherTest {

  @TempDir Path home;

  private QueueFixture jenkins;
  private Job<?, ?> deploy;
  private final QueueDispatcher dispatcher = mock(QueueDispatcher.class, CALLS_REAL_METHODS);

  @BeforeEach
  void controller() {
    jenkins = new QueueFixture(home);
    deploy = QueueFixture.job("live-deploy");
    jenkins.trigger(deploy, "acme/live", 3);
  }

  @AfterEach
  void stop() {
    jenkins.close();
  }

  /** A Jenkins queue item of {@code task}, carrying {@code action} if not null. */
  private static Queue.Item item(Object task, QueueBuildAction action) throws Exception {
    Queue.Item item = mock(Queue.Item.class);
    Field field = Queue.Item.class.getField("task");
    field.setAccessible(true);
    field.set(item, task);
    when(item.getAction(QueueBuildAction.class)).thenReturn(action);
    return item;
  }

  private static String reason(CauseOfBlockage blockage) {
    return blockage == null ? null : blockage.getShortDescription();
  }

  @Test
  void whileAPullRequestDeploysAnyOtherBuildOfItsQueueWaitsWithTheReason() throws Exception {
    org.kohsuke.github.GHEventPayload.PullRequest merge = QueueFixture.merged(12, "aaa", "2026-01-01T10:00:00Z");
    QueueEvents.deliver(merge, QueueDispatch.jenkins());
    QueueFixture.Scheduled deploying = jenkins.scheduled.get(0);

    assertThat(reason(dispatcher.canRun(item(deploy, deploying.action())))).isNull();
    assertThat(reason(dispatcher.canRun(item(deploy, null)))).isEqualTo("waiting: PR #12 is deploying");
    assertThat(dispatcher.canRun(item(deploy, null))).isInstanceOf(QueueBlockage.class);
  }

  @Test
  void anIdleQueueAndJobsWithoutTheTriggerAreNeverBlocked() throws Exception {
    assertThat(reason(dispatcher.canRun(item(deploy, null)))).isNull();
    assertThat(reason(dispatcher.canRun(item(QueueFixture.job("unrelated"), null)))).isNull();
    assertThat(reason(dispatcher.canRun(item(mock(Queue.Task.class), null)))).isNull();
  }

  @Test
  void anUnreadableQueueBlocksRatherThanLetTwoDeploysRun() throws Exception {
    Path directory = home.resolve("tglive-queues/acme%2Flive");
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(directory)) {
      for (Path file : files.toList()) {
        java.nio.file.Files.delete(file);
      }
    }
    java.nio.file.Files.delete(directory);
    java.nio.file.Files.writeString(directory, "not a directory");

    assertThat(reason(dispatcher.canRun(item(deploy, null)))).startsWith(
        "waiting: the deploy queue acme/live cannot be read: ");
  }
}
