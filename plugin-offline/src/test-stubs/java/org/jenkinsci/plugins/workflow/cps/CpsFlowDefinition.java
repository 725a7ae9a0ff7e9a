// Hand-written compile-time stub of a Jenkins test-scope API type: real name, exact signatures, no behaviour.
// Compiled only, with plugin/src/test/java (see plugin-offline/README.md); checked by plugin/src/test StubSignaturesTest.
package org.jenkinsci.plugins.workflow.cps;

import hudson.model.Descriptor;
import org.jenkinsci.plugins.workflow.flow.FlowDefinition;

public class CpsFlowDefinition extends FlowDefinition {

  @Deprecated
  public CpsFlowDefinition(String script) throws Descriptor.FormException {
    throw new UnsupportedOperationException();
  }

  public CpsFlowDefinition(String script, boolean sandbox) throws Descriptor.FormException {
    throw new UnsupportedOperationException();
  }

  public String getScript() {
    throw new UnsupportedOperationException();
  }

  public boolean isSandbox() {
    throw new UnsupportedOperationException();
  }
}
