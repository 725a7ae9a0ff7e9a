// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package jenkins.model;

import hudson.model.Action;
import hudson.model.Run;

public interface RunAction2 extends Action {

  void onAttached(Run<?, ?> r);

  void onLoad(Run<?, ?> r);
}
