// Hand-written compile-time stub of a Jenkins test-scope API type: real name, exact signatures, no behaviour.
// Compiled only, with plugin/src/test/java (see plugin-offline/README.md); checked by plugin/src/test StubSignaturesTest.
package io.jenkins.plugins.casc.misc;

import org.jvnet.hudson.test.JenkinsRule;

public class JenkinsConfiguredRule extends JenkinsRule {

  public JenkinsConfiguredRule() {
    throw new UnsupportedOperationException();
  }

  public String exportToString(boolean strict) throws Exception {
    throw new UnsupportedOperationException();
  }
}
