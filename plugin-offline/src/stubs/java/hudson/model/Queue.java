// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package hudson.model;

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
}
