// Hand-written compile-time stub of a Jenkins test-scope API type: real name, exact signatures, no behaviour.
// Compiled only, with plugin/src/test/java (see plugin-offline/README.md); checked by plugin/src/test StubSignaturesTest.
package io.jenkins.plugins.casc.misc;

import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.model.CNode;
import io.jenkins.plugins.casc.model.Mapping;
import java.io.IOException;
import java.net.URISyntaxException;

public class Util {

  private Util() {
    throw new UnsupportedOperationException();
  }

  public static Mapping getJenkinsRoot(ConfigurationContext context) throws Exception {
    throw new UnsupportedOperationException();
  }

  public static Mapping getUnclassifiedRoot(ConfigurationContext context) throws Exception {
    throw new UnsupportedOperationException();
  }

  public static Mapping getSecurityRoot(ConfigurationContext context) throws Exception {
    throw new UnsupportedOperationException();
  }

  public static String toYamlString(CNode rootNode) throws IOException {
    throw new UnsupportedOperationException();
  }

  public static String toStringFromYamlFile(Object clazz, String resourcePath) throws URISyntaxException {
    throw new UnsupportedOperationException();
  }
}
