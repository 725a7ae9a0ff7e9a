// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package hudson;

import java.io.IOException;

public class AbortException extends IOException {

  private static final long serialVersionUID = 1L;

  public AbortException(String message) {
    throw new UnsupportedOperationException();
  }
}
