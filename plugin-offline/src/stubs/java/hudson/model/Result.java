// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

public final class Result implements Serializable {

  public static final @NonNull Result SUCCESS = null;

  private Result() {
    throw new UnsupportedOperationException();
  }

  public boolean isBetterOrEqualTo(@NonNull Result that) {
    throw new UnsupportedOperationException();
  }
}
