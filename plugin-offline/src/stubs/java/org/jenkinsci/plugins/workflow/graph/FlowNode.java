// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package org.jenkinsci.plugins.workflow.graph;

import hudson.model.Actionable;
import hudson.model.Saveable;
import java.io.IOException;

public abstract class FlowNode extends Actionable implements Saveable {

  private FlowNode() {
    throw new UnsupportedOperationException();
  }

  public String getId() {
    throw new UnsupportedOperationException();
  }

  public String getDisplayFunctionName() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void save() throws IOException {
    throw new UnsupportedOperationException();
  }
}
