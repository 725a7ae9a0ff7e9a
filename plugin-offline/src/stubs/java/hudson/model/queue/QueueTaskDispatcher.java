// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package hudson.model.queue;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.ExtensionPoint;
import hudson.model.Queue;

public abstract class QueueTaskDispatcher implements ExtensionPoint {

  public QueueTaskDispatcher() {}

  public @CheckForNull CauseOfBlockage canRun(Queue.Item item) {
    throw new UnsupportedOperationException();
  }
}
