// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package jenkins.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.concurrent.ScheduledExecutorService;

public class Timer {

  private Timer() {
    throw new UnsupportedOperationException();
  }

  @NonNull
  public static synchronized ScheduledExecutorService get() {
    throw new UnsupportedOperationException();
  }
}
