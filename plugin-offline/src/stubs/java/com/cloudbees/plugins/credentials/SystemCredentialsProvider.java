// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package com.cloudbees.plugins.credentials;

import java.io.IOException;
import java.util.List;

public class SystemCredentialsProvider {

  private SystemCredentialsProvider() {
    throw new UnsupportedOperationException();
  }

  public static SystemCredentialsProvider getInstance() {
    throw new UnsupportedOperationException();
  }

  public List<Credentials> getCredentials() {
    throw new UnsupportedOperationException();
  }

  public void save() throws IOException {
    throw new UnsupportedOperationException();
  }
}
