package io.jenkins.plugins.tglive;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.init.InitMilestone;
import hudson.model.Item;
import hudson.model.Job;
import hudson.triggers.Trigger;
import hudson.triggers.TriggerDescriptor;
import io.tglive.queue.DeployQueue;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import jenkins.model.Jenkins;
import jenkins.util.Timer;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code terragruntQueue}: deploys the pull requests merged into a repository's base branch one at a
 * time, in merge order, through this job. Merges (github-branch-source events) join the queue; each
 * queue head gets its own build, with the pull request and commits as parameters; the next starts when
 * it finishes. The queue itself is the engine's, under {@code JENKINS_HOME/tglive-queues}.
 */
public final class QueueTrigger extends Trigger<Job<?, ?>> {

  private static final Set<QueueTrigger> ACTIVE = ConcurrentHashMap.newKeySet();

  private final String repository;
  private String queue;
  private String baseBranch = "main";
  private int maxAttempts = DeployQueue.DEFAULT_MAX_ATTEMPTS;
  private transient Jenkins controller;

  /** Merges into {@code repository} ({@code owner/name}, as GitHub spells it) deploy through this job. */
  @DataBoundConstructor
  public QueueTrigger(String repository) {
    String name = repository == null ? "" : repository.strip();
    if (!name.matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException("terragruntQueue: repository must be owner/name, not '" + repository + "'");
    }
    this.repository = name;
  }

  public String getRepository() {
    return repository;
  }

  public String getQueue() {
    return queue;
  }

  /** The queue's name; by default the repository (one queue per repository). */
  @DataBoundSetter
  public void setQueue(String queue) {
    this.queue = queue == null || queue.isBlank() ? null : queue.strip();
  }

  public String getBaseBranch() {
    return baseBranch;
  }

  /** The branch whose merges deploy (default {@code main}). */
  @DataBoundSetter
  public void setBaseBranch(String baseBranch) {
    this.baseBranch = baseBranch == null || baseBranch.isBlank() ? "main" : baseBranch.strip();
  }

  public int getMaxAttempts() {
    return maxAttempts;
  }

  /** Failed deployments before an entry is dropped (default 3). */
  @DataBoundSetter
  public void setMaxAttempts(int maxAttempts) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("terragruntQueue: maxAttempts must be at least 1, not " + maxAttempts);
    }
    this.maxAttempts = maxAttempts;
  }

  /** The queue this trigger feeds. */
  String queueName() {
    return queue == null ? repository : queue;
  }

  /** Whether events of {@code fullName} ({@code owner/name}) are this trigger's (GitHub names ignore case). */
  boolean watches(String fullName) {
    return repository.equalsIgnoreCase(fullName);
  }

  /** The job this trigger was started on. */
  Job<?, ?> job() {
    return job;
  }

  @Override
  public void start(Job<?, ?> project, boolean newInstance) {
    super.start(project, newInstance);
    started(project, Timer.get());
  }

  /**
   * Registers the trigger (replacing the job's earlier one, and forgetting those of a controller that
   * stopped: Jenkins does not stop triggers when it shuts down). On a running controller (a new or
   * changed configuration) it then, later, starts the queue's head if nothing deploys. While Jenkins
   * starts, that waits for {@link QueueRecovery}: a build scheduled before Jenkins loads its saved queue
   * would be discarded by that load.
   */
  void started(Job<?, ?> project, Executor later) {
    job = project;
    controller = Jenkins.get();
    ACTIVE.removeIf(t -> t.job == project || t.controller != controller);
    ACTIVE.add(this);
    if (controller.getInitLevel() == InitMilestone.COMPLETED) {
      later.execute(() -> QueueDispatch.jenkins().resume(this));
    }
  }

  @Override
  public void stop() {
    ACTIVE.remove(this);
  }

  /** The started triggers of this controller. */
  static List<QueueTrigger> active() {
    Jenkins current = Jenkins.get();
    return ACTIVE.stream().filter(t -> t.controller == current).toList();
  }

  /** The started trigger of {@code job}, if it has one. */
  static Optional<QueueTrigger> of(Object job) {
    return active().stream().filter(t -> t.job == job).findFirst();
  }

  /** The trigger's descriptor. */
  @Extension
  @Symbol("terragruntQueue")
  public static final class DescriptorImpl extends TriggerDescriptor {

    @Override
    public boolean isApplicable(Item item) {
      return item instanceof Job;
    }

    @NonNull
    @Override
    public String getDisplayName() {
      return "Terragrunt deploy queue: deploy merged pull requests one at a time, in merge order";
    }
  }
}
