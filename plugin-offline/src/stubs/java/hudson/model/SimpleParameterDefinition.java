// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;

public abstract class SimpleParameterDefinition extends ParameterDefinition {

  protected SimpleParameterDefinition(@NonNull String name) {
    super(name);
    throw new UnsupportedOperationException();
  }
}
