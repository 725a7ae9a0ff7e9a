// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package hudson.model;

import java.util.List;

public class Queue {

  private Queue() {
    throw new UnsupportedOperationException();
  }

  public interface Task {}

  public interface Executable {}

  public interface QueueAction extends Action {

    boolean shouldSchedule(List<Action> actions);
  }

  public abstract static class Item extends Actionable {

    public final Task task;

    Item() {
      throw new UnsupportedOperationException();
    }
  }
}
