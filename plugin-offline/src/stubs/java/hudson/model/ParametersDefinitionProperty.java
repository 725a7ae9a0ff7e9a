// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import jenkins.model.OptionalJobProperty;

public class ParametersDefinitionProperty extends OptionalJobProperty<Job<?, ?>> {

  public ParametersDefinitionProperty(@NonNull ParameterDefinition... parameterDefinitions) {
    throw new UnsupportedOperationException();
  }
}
