// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package hudson.model;

import java.io.Serializable;
import edu.umd.cs.findbugs.annotations.CheckForNull;

public abstract class ParameterValue implements Serializable {

  ParameterValue() {
    throw new UnsupportedOperationException();
  }

  @CheckForNull
  public Object getValue() {
    throw new UnsupportedOperationException();
  }
}
