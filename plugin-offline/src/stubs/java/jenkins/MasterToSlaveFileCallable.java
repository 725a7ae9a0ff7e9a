// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package jenkins;

import jenkins.agents.ControllerToAgentFileCallable;

// No declared constructor, as in Jenkins: tests construct callables and invoke them directly.
public abstract class MasterToSlaveFileCallable<T> implements ControllerToAgentFileCallable<T> {

  private static final long serialVersionUID = 1L;
}
