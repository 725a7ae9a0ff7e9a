// Hand-written compile-time stub of a Jenkins test-scope API type: real name, exact signatures, no behaviour.
// Compiled only, with plugin/src/test/java (see plugin-offline/README.md); checked by plugin/src/test StubSignaturesTest.
package org.jenkinsci.plugins.workflow.flow;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.IOException;
import java.util.List;
import org.jenkinsci.plugins.workflow.graph.FlowNode;

public abstract class FlowExecution {

  private FlowExecution() {
    throw new UnsupportedOperationException();
  }

  public abstract List<FlowNode> getCurrentHeads();

  public abstract @CheckForNull FlowNode getNode(String id) throws IOException;
}
