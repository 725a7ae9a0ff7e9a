// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package hudson.model;

import hudson.model.queue.CauseOfBlockage;
import java.util.List;

public class Queue {

  private Queue() {
    throw new UnsupportedOperationException();
  }

  public interface Task {}

  public interface FlyweightTask extends Task {}

  public interface Executable extends Runnable {}

  public Item[] getItems() {
    throw new UnsupportedOperationException();
  }

  public Item getItem(Task t) {
    throw new UnsupportedOperationException();
  }

  public void maintain() {
    throw new UnsupportedOperationException();
  }

  public interface QueueAction extends Action {

    boolean shouldSchedule(List<Action> actions);
  }

  public abstract static class Item extends Actionable {

    public final Task task = null;

    private Item() {
      throw new UnsupportedOperationException();
    }

    public long getId() {
      throw new UnsupportedOperationException();
    }

    public Task getTask() {
      throw new UnsupportedOperationException();
    }
  }

  public abstract static class NotWaitingItem extends Item {

    private NotWaitingItem() {
      throw new UnsupportedOperationException();
    }
  }

  public final class BlockedItem extends NotWaitingItem {

    private BlockedItem() {
      throw new UnsupportedOperationException();
    }

    public CauseOfBlockage getCauseOfBlockage() {
      throw new UnsupportedOperationException();
    }
  }
}
