// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package org.jenkinsci.plugins.workflow.support.actions;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.InvisibleAction;
import java.io.IOException;
import org.jenkinsci.plugins.workflow.actions.PersistentAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;

public class PauseAction extends InvisibleAction implements PersistentAction {

  public PauseAction(String cause) {
    throw new UnsupportedOperationException();
  }

  public String getCause() {
    throw new UnsupportedOperationException();
  }

  public boolean isPaused() {
    throw new UnsupportedOperationException();
  }

  public static @CheckForNull PauseAction getCurrentPause(@NonNull FlowNode node) {
    throw new UnsupportedOperationException();
  }

  public static void endCurrentPause(@NonNull FlowNode node) throws IOException {
    throw new UnsupportedOperationException();
  }

  public static boolean isPaused(@NonNull FlowNode node) {
    throw new UnsupportedOperationException();
  }
}
