package io.jenkins.plugins.tglive;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code tgApprovalGate(path: …)}: pauses until the unit's current plan is approved by its voters (or
 * fails when it is rejected), like {@code input} but with named voters and counts. Optional
 * overrides of the account's voters, counts and timeout may only make the gate stricter unless the
 * administrator allows otherwise.
 */
public final class ApprovalGateStep extends Step {

  private final String path;
  private List<String> voters;
  private Integer approvals;
  private Integer rejections;
  private String message;
  private String timeout;
  private boolean rollback;

  @DataBoundConstructor
  public ApprovalGateStep(String path) {
    this.path = path == null ? "" : path.strip();
  }

  public String getPath() {
    return path;
  }

  public List<String> getVoters() {
    return voters;
  }

  @DataBoundSetter
  public void setVoters(List<String> voters) {
    this.voters = voters == null ? null : new ArrayList<>(voters);
  }

  public Integer getApprovals() {
    return approvals;
  }

  @DataBoundSetter
  public void setApprovals(Integer approvals) {
    this.approvals = approvals;
  }

  public Integer getRejections() {
    return rejections;
  }

  @DataBoundSetter
  public void setRejections(Integer rejections) {
    this.rejections = rejections;
  }

  public String getMessage() {
    return message;
  }

  @DataBoundSetter
  public void setMessage(String message) {
    this.message = message;
  }

  public String getTimeout() {
    return timeout;
  }

  /** ISO-8601 ({@code PT2H}). */
  @DataBoundSetter
  public void setTimeout(String timeout) {
    this.timeout = timeout;
  }

  public boolean isRollback() {
    return rollback;
  }

  /** Whether the path is a step of the build's rollback ({@code tgRollback}): its gate, under the rollback policy. */
  @DataBoundSetter
  public void setRollback(boolean rollback) {
    this.rollback = rollback;
  }

  @Override
  public StepExecution start(StepContext context) {
    return new ApprovalGateExecution(context, new GateSession(path, voters, approvals, rejections, message, timeout)
        .forRollback(rollback));
  }

  /** Registers {@code tgApprovalGate}. */
  @Extension
  public static final class DescriptorImpl extends StepDescriptor {

    @Override
    public String getFunctionName() {
      return "tgApprovalGate";
    }

    @NonNull
    @Override
    public String getDisplayName() {
      return "Wait for the approval of a unit's plan by its voters";
    }

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return Set.of(Run.class, TaskListener.class, EnvVars.class);
    }
  }
}
