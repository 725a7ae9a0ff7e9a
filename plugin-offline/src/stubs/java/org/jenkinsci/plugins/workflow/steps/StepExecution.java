// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

public abstract class StepExecution implements Serializable {

  private static final long serialVersionUID = 1L;

  protected StepExecution(@NonNull StepContext context) {
    throw new UnsupportedOperationException();
  }

  public @NonNull StepContext getContext() {
    throw new UnsupportedOperationException();
  }

  public abstract boolean start() throws Exception;

  public void stop(@NonNull Throwable cause) throws Exception {
    throw new UnsupportedOperationException();
  }

  public void onResume() {
    throw new UnsupportedOperationException();
  }
}
