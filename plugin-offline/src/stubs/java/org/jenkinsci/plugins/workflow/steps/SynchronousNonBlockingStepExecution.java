// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.NonNull;

public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {

  private static final long serialVersionUID = 1L;

  protected SynchronousNonBlockingStepExecution(@NonNull StepContext context) {
    super(context);
  }

  protected abstract T run() throws Exception;

  @Override
  public final boolean start() throws Exception {
    throw new UnsupportedOperationException();
  }
}
