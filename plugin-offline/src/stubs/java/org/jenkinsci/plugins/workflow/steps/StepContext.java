// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.IOException;

public abstract class StepContext {

  public StepContext() {
    throw new UnsupportedOperationException();
  }

  public abstract <T> T get(Class<T> key) throws IOException, InterruptedException;

  public abstract void onSuccess(@CheckForNull Object result);

  public abstract void onFailure(Throwable t);
}
