// Hand-written compile-time stub of a Jenkins test-scope API type: real name, exact signatures, no behaviour.
// Compiled only, with plugin/src/test/java (see plugin-offline/README.md); checked by plugin/src/test StubSignaturesTest.
package org.jenkinsci.plugins.workflow.job;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Run;
import java.io.IOException;
import java.util.List;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;
import org.jenkinsci.plugins.workflow.flow.FlowExecutionOwner;
import org.kohsuke.stapler.HttpResponse;

public final class WorkflowRun extends Run<WorkflowJob, WorkflowRun> implements FlowExecutionOwner.Executable {

  public WorkflowRun(WorkflowJob job) throws IOException {
    super(job);
    throw new UnsupportedOperationException();
  }

  @Override
  public void run() {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean isBuilding() {
    throw new UnsupportedOperationException();
  }

  @SuppressWarnings("deprecation")
  @NonNull
  @Override
  public String getLog() throws IOException {
    throw new UnsupportedOperationException();
  }

  @NonNull
  public List<String> getLog(int maxLines) throws IOException {
    throw new UnsupportedOperationException();
  }

  public @CheckForNull FlowExecution getExecution() {
    throw new UnsupportedOperationException();
  }

  public void doKill() {
    throw new UnsupportedOperationException();
  }

  public HttpResponse doStop() {
    throw new UnsupportedOperationException();
  }
}
