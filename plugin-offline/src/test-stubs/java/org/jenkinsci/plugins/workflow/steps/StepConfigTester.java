// Hand-written compile-time stub of a Jenkins test-scope API type: real name, exact signatures, no behaviour.
// Compiled only, with plugin/src/test/java (see plugin-offline/README.md); checked by plugin/src/test StubSignaturesTest.
package org.jenkinsci.plugins.workflow.steps;

import org.jvnet.hudson.test.JenkinsRule;

public final class StepConfigTester {

  public StepConfigTester(JenkinsRule rule) {
    throw new UnsupportedOperationException();
  }

  public <S extends Step> S configRoundTrip(S before) throws Exception {
    throw new UnsupportedOperationException();
  }
}
