// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package hudson.util;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

public final class Secret implements Serializable {

  private Secret() {
    throw new UnsupportedOperationException();
  }

  @NonNull
  public static Secret fromString(@CheckForNull String data) {
    throw new UnsupportedOperationException();
  }

  @NonNull
  public String getPlainText() {
    throw new UnsupportedOperationException();
  }
}
