// Hand-written compile-time stub of a Jenkins test-scope API type: real name, exact signatures, no behaviour.
// Compiled only, with plugin/src/test/java (see plugin-offline/README.md); checked by plugin/src/test StubSignaturesTest.
package org.jenkinsci.plugins.workflow.job;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Action;
import hudson.model.ItemGroup;
import hudson.model.Job;
import hudson.model.JobProperty;
import hudson.model.Queue;
import hudson.model.TopLevelItem;
import hudson.model.queue.QueueTaskFuture;
import hudson.triggers.Trigger;
import java.io.IOException;
import jenkins.model.ParameterizedJobMixIn;
import org.jenkinsci.plugins.workflow.flow.FlowDefinition;

public final class WorkflowJob extends Job<WorkflowJob, WorkflowRun>
    implements ParameterizedJobMixIn.ParameterizedJob<WorkflowJob, WorkflowRun>, TopLevelItem, Queue.FlyweightTask {

  @SuppressWarnings("rawtypes")
  public WorkflowJob(ItemGroup parent, String name) {
    super(parent, name);
    throw new UnsupportedOperationException();
  }

  @Override
  public void addProperty(JobProperty jobProp) throws IOException {
    throw new UnsupportedOperationException();
  }

  public void addTrigger(Trigger trigger) throws IOException {
    throw new UnsupportedOperationException();
  }

  public FlowDefinition getDefinition() {
    throw new UnsupportedOperationException();
  }

  public void setDefinition(FlowDefinition definition) {
    throw new UnsupportedOperationException();
  }

  @Override
  public WorkflowRun getBuildByNumber(int n) {
    throw new UnsupportedOperationException();
  }

  @Override
  public WorkflowRun getLastBuild() {
    throw new UnsupportedOperationException();
  }

  public @CheckForNull QueueTaskFuture<WorkflowRun> scheduleBuild2(int quietPeriod, Action... actions) {
    throw new UnsupportedOperationException();
  }
}
