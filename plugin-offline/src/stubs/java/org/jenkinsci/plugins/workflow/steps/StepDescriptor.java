// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Descriptor;
import java.util.Set;

public abstract class StepDescriptor extends Descriptor<Step> {

  public StepDescriptor() {
    throw new UnsupportedOperationException();
  }

  public abstract Set<? extends Class<?>> getRequiredContext();

  public abstract String getFunctionName();
}
