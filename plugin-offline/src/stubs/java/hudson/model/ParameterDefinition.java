// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;

public abstract class ParameterDefinition {

  protected ParameterDefinition(@NonNull String name) {
    throw new UnsupportedOperationException();
  }
}
