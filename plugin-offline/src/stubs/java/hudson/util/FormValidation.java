// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package hudson.util;

import java.io.IOException;

public abstract class FormValidation extends IOException {

  private static final long serialVersionUID = 1L;

  private FormValidation() {
    throw new UnsupportedOperationException();
  }

  public static FormValidation error(String message) {
    throw new UnsupportedOperationException();
  }

  public static FormValidation ok() {
    throw new UnsupportedOperationException();
  }
}
