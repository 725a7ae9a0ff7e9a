// Hand-written compile-time stub of a Jenkins test-scope API type: real name, exact signatures, no behaviour.
// Compiled only, with plugin/src/test/java (see plugin-offline/README.md); checked by plugin/src/test StubSignaturesTest.
package io.jenkins.plugins.casc;

import edu.umd.cs.findbugs.annotations.CheckForNull;

public class ConfiguratorException extends RuntimeException {

  public ConfiguratorException(@CheckForNull String message) {
    throw new UnsupportedOperationException();
  }

  public String getErrorMessage() {
    throw new UnsupportedOperationException();
  }
}
