// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import java.util.List;

public abstract class Actionable {

  public Actionable() {
    throw new UnsupportedOperationException();
  }

  public void addAction(@NonNull Action a) {
    throw new UnsupportedOperationException();
  }

  public boolean removeAction(@Nullable Action a) {
    throw new UnsupportedOperationException();
  }

  @NonNull
  public <T extends Action> List<T> getActions(Class<T> type) {
    throw new UnsupportedOperationException();
  }

  public <T extends Action> T getAction(Class<T> type) {
    throw new UnsupportedOperationException();
  }
}
