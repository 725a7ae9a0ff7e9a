// Hand-written compile-time stub of a Jenkins test-scope API type: real name, exact signatures, no behaviour.
// Compiled only, with plugin/src/test/java (see plugin-offline/README.md); checked by plugin/src/test StubSignaturesTest.
package io.jenkins.plugins.casc;

public class ConfigurationContext implements ConfiguratorRegistry {

  public ConfigurationContext(ConfiguratorRegistry registry) {
    throw new UnsupportedOperationException();
  }
}
