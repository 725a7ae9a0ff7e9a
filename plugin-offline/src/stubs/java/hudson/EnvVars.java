// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package hudson;

import java.util.TreeMap;

public class EnvVars extends TreeMap<String, String> {

  private static final long serialVersionUID = 1L;

  public EnvVars() {
    throw new UnsupportedOperationException();
  }
}
