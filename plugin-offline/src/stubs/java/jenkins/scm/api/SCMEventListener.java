// Hand-written compile-time stub of an API type (scm-api / github-api): real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package jenkins.scm.api;

import hudson.ExtensionPoint;

public class SCMEventListener implements ExtensionPoint {

  public SCMEventListener() {}

  public void onSCMHeadEvent(SCMHeadEvent<?> event) {
    throw new UnsupportedOperationException();
  }
}
