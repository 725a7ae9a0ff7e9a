package io.jenkins.plugins.tglive;

import hudson.model.Job;
import io.tglive.queue.DeployQueue;
import io.tglive.queue.Intake;
import io.tglive.queue.Next;
import io.tglive.queue.Outcome;
import io.tglive.queue.PullRequestEvent;
import io.tglive.queue.QueueDirectory;
import io.tglive.queue.QueueEntry;
import io.tglive.queue.QueueException;
import io.tglive.queue.QueueIntake;
import io.tglive.run.stepwise.StepwiseRun;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;

/**
 * Translates between Jenkins and the engine's deploy queue: events in, builds out, outcomes back. The
 * engine decides (what joins, what starts, what waits, what is dropped); this class only opens the
 * queue directory under {@code JENKINS_HOME/tglive-queues}, schedules the build the engine started and
 * reports how it ended.
 */
final class QueueDispatch {

  private static final Logger LOGGER = Logger.getLogger(QueueDispatch.class.getName());

  /** Schedules the build of a queue entry that started deploying; false when Jenkins refused it. */
  @FunctionalInterface
  interface Scheduler {
    boolean schedule(Job<?, ?> job, QueueBuild build);
  }

  /** Stops the running build of a deploying entry gracefully (release change); false when it has no deploy run yet. */
  @FunctionalInterface
  interface Releaser {
    boolean release(Job<?, ?> job, QueueBuild build, String why) throws IOException;
  }

  /** Finds what Jenkins holds of the build of a deployment scheduled after {@code since}. */
  @FunctionalInterface
  interface Finder {
    Sighting find(Job<?, ?> job, QueueBuild build, Instant since);
  }

  /**
   * What Jenkins holds of a deployment's build.
   *
   * @param state queued, running, ended, or none at all
   * @param success for an ended build: whether it succeeded
   * @param result for an ended build: its result, as the queue records it
   */
  record Sighting(State state, boolean success, String result) {

    /** Where the build is. */
    enum State { QUEUED, RUNNING, ENDED, NONE }

    static final Sighting QUEUED = new Sighting(State.QUEUED, false, null);
    static final Sighting RUNNING = new Sighting(State.RUNNING, false, null);
    static final Sighting NONE = new Sighting(State.NONE, false, null);

    static Sighting ended(boolean success, String result) {
      return new Sighting(State.ENDED, success, result);
    }
  }

  private final Path root;
  private final Scheduler scheduler;
  private final Releaser releaser;
  private final Finder finder;

  QueueDispatch(Path root, Scheduler scheduler, Releaser releaser, Finder finder) {
    this.root = root;
    this.scheduler = scheduler;
    this.releaser = releaser;
    this.finder = finder;
  }

  /** The dispatch of this controller: queues in {@code JENKINS_HOME/tglive-queues}, real builds. */
  static QueueDispatch jenkins() {
    return new QueueDispatch(root(), QueueBuilds::schedule, QueueReleases::release, QueueBuilds::find);
  }

  /** {@code JENKINS_HOME/tglive-queues}. */
  static Path root() {
    return Jenkins.get().getRootDir().toPath().resolve("tglive-queues");
  }

  /** Opens the directory of the queue {@code name}. */
  DeployQueue open(String name) throws IOException {
    return DeployQueue.open(QueueDirectory.of(root, name));
  }

  /** Feeds a pull request event to the trigger's queue and starts its head if the queue changed. */
  Intake accept(QueueTrigger trigger, PullRequestEvent event) throws IOException, QueueException {
    Intake intake;
    Optional<QueueEntry> stopping = Optional.empty();
    try (DeployQueue queue = open(trigger.queueName())) {
      intake = new QueueIntake(queue, trigger.queueName(), trigger.getBaseBranch()).accept(event);
      if (intake.kind() == Intake.Kind.RELEASE_CHANGED) {
        stopping = queue.deploying(trigger.queueName());
      }
    }
    LOGGER.log(intake.changed() ? Level.INFO : Level.FINE, "terragruntQueue: {0}", intake.message());
    if (stopping.isPresent()) {
      QueueBuild build = QueueBuild.of(stopping.get());
      boolean released = releaser.release(trigger.job(), build, stopping.get().reason());
      LOGGER.info("terragruntQueue " + trigger.queueName() + ": " + (released
          ? "released the deploy run of " + build.describe()
          : "no deploy run of " + build.describe() + " yet: it is released when it starts"));
    }
    if (intake.changed()) {
      startNext(trigger, message -> LOGGER.info(message));
    }
    return intake;
  }

  /**
   * Starts the queue's head unless an entry deploys, and schedules its build. A build Jenkins refuses
   * (a disabled job) fails the entry's attempt, so the queue does not wait for a build that never comes.
   */
  Optional<QueueEntry> startNext(QueueTrigger trigger, Consumer<String> log) throws IOException, QueueException {
    String name = trigger.queueName();
    try (DeployQueue queue = open(name)) {
      Next next = queue.next(name);
      if (next.started() == null) {
        log.accept("terragruntQueue " + name + ": " + next.waitReason());
        return Optional.empty();
      }
      QueueBuild build = QueueBuild.of(next.started());
      if (scheduler.schedule(trigger.job(), build)) {
        log.accept("terragruntQueue: scheduled " + trigger.job().getFullName() + " for " + build.describe());
        return Optional.of(next.started());
      }
      QueueEntry failed = queue.complete(name, build.pr(), Outcome.FAILED,
          "Jenkins refused to schedule a build of " + trigger.job().getFullName() + " (is it disabled?)",
          trigger.getMaxAttempts());
      log.accept("terragruntQueue " + name + ": " + failed.label() + " " + failed.state().label() + ": "
          + failed.reason());
      return Optional.empty();
    }
  }

  /** After a new configuration: starts the head when nothing deploys. */
  void resume(QueueTrigger trigger) {
    try {
      startNext(trigger, message -> LOGGER.fine(message));
    } catch (IOException | QueueException | RuntimeException e) {
      LOGGER.log(Level.WARNING, "terragruntQueue " + trigger.queueName() + ": cannot resume: " + e.getMessage(), e);
    }
  }

  /**
   * After a restart, once Jenkins has loaded its jobs, builds and queue: the deploying entry's build is
   * looked for. Queued or running, it is left alone (its end completes the entry). Ended while nothing
   * could record it, its outcome is recorded now. Nowhere (the controller stopped between starting the
   * entry and Jenkins saving its queued build), it is scheduled again: the same deployment, counting no
   * failed attempt (a build Jenkins refuses fails the attempt, as in {@link #startNext}). With nothing
   * deploying, the head starts.
   */
  void recover(QueueTrigger trigger, Consumer<String> log) throws IOException, QueueException {
    String name = trigger.queueName();
    Optional<QueueEntry> deploying;
    try (DeployQueue queue = open(name)) {
      deploying = queue.deploying(name);
    }
    if (deploying.isEmpty()) {
      startNext(trigger, log);
      return;
    }
    QueueBuild build = QueueBuild.of(deploying.get());
    Sighting seen = finder.find(trigger.job(), build, Instant.parse(deploying.get().enqueuedAt()));
    switch (seen.state()) {
      case QUEUED, RUNNING -> log.accept("terragruntQueue " + name + ": PR #" + build.pr() + " is deploying; its build is "
          + seen.state().name().toLowerCase(Locale.ROOT));
      case ENDED -> {
        log.accept("terragruntQueue " + name + ": the build of PR #" + build.pr() + " ended (" + seen.result()
            + ") while nothing could record it; recording it now");
        completed(trigger, build, seen.success(), seen.result(), log);
      }
      case NONE -> {
        if (scheduler.schedule(trigger.job(), build)) {
          log.accept("terragruntQueue " + name + ": the build of PR #" + build.pr() + " was lost when the controller"
              + " stopped; scheduled " + trigger.job().getFullName() + " again for " + build.describe());
          return;
        }
        try (DeployQueue queue = open(name)) {
          QueueEntry failed = queue.complete(name, build.pr(), Outcome.FAILED, "its build was lost when the controller"
              + " stopped, and Jenkins refused to schedule " + trigger.job().getFullName() + " again (is it disabled?)",
              trigger.getMaxAttempts());
          log.accept("terragruntQueue " + name + ": " + failed.label() + " " + failed.state().label() + ": "
              + failed.reason());
        }
      }
    }
  }

  /**
   * A deploy build ended: reports its outcome (success, or a failed attempt with the result) to the
   * engine, which keeps, re-queues or drops the entry, then starts the next head. A build that is not
   * the entry deploying now (completed by hand meanwhile) changes nothing.
   */
  void completed(QueueTrigger trigger, QueueBuild build, boolean success, String result, Consumer<String> log)
      throws IOException, QueueException {
    String name = build.queue();
    try (DeployQueue queue = open(name)) {
      Optional<QueueEntry> deploying = queue.deploying(name);
      if (deploying.isEmpty() || deploying.get().id() != build.entryId()) {
        log.accept("terragruntQueue " + name + ": PR #" + build.pr() + " is no longer deploying; nothing recorded");
        return;
      }
      QueueEntry ended = queue.complete(name, build.pr(), success ? Outcome.SUCCEEDED : Outcome.FAILED,
          success ? null : "build result " + result, trigger.getMaxAttempts());
      log.accept("terragruntQueue " + name + ": " + ended.label() + " " + ended.state().label()
          + (ended.reason() == null ? "" : ": " + ended.reason()));
    }
    startNext(trigger, log);
  }

  /**
   * The deploy run of a queue build just started ({@code terragruntStack}): released at once when a
   * release change already asked its entry to stop (the change arrived before the run existed).
   */
  void runStarted(QueueBuild build, StepwiseRun run, Consumer<String> log) throws IOException, QueueException {
    Optional<QueueEntry> deploying;
    try (DeployQueue queue = open(build.queue())) {
      deploying = queue.deploying(build.queue());
    }
    if (deploying.isPresent() && deploying.get().id() == build.entryId() && deploying.get().stopRequested()) {
      run.release(deploying.get().reason());
      log.accept("terragruntQueue " + build.queue() + ": " + deploying.get().reason() + "; nothing of this run will"
          + " be planned or applied");
    }
  }

  /** Why a build of {@code trigger}'s job must wait, or null: only the deploying entry's build runs. */
  String blockage(QueueTrigger trigger, QueueBuild build) {
    String name = trigger.queueName();
    Long entry = build != null && build.queue().equals(name) ? build.entryId() : null;
    try (DeployQueue queue = open(name)) {
      return queue.blockedReason(name, entry).orElse(null);
    } catch (IOException | QueueException e) {
      return "waiting: the deploy queue " + name + " cannot be read: " + e.getMessage();
    }
  }
}
