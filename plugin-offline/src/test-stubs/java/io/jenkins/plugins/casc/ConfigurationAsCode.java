// Hand-written compile-time stub of a Jenkins test-scope API type: real name, exact signatures, no behaviour.
// Compiled only, with plugin/src/test/java (see plugin-offline/README.md); checked by plugin/src/test StubSignaturesTest.
package io.jenkins.plugins.casc;

import java.io.OutputStream;
import java.util.Collection;

public class ConfigurationAsCode {

  private ConfigurationAsCode() {
    throw new UnsupportedOperationException();
  }

  public static ConfigurationAsCode get() {
    throw new UnsupportedOperationException();
  }

  public void configure() throws ConfiguratorException {
    throw new UnsupportedOperationException();
  }

  public void configure(String... configParameters) throws ConfiguratorException {
    throw new UnsupportedOperationException();
  }

  public void configure(Collection<String> configParameters) throws ConfiguratorException {
    throw new UnsupportedOperationException();
  }

  public void export(OutputStream out) throws Exception {
    throw new UnsupportedOperationException();
  }
}
