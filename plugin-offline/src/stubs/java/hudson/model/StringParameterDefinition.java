// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;

public class StringParameterDefinition extends SimpleParameterDefinition {

  public StringParameterDefinition(@NonNull String name, @CheckForNull String defaultValue) {
    super(name);
    throw new UnsupportedOperationException();
  }
}
