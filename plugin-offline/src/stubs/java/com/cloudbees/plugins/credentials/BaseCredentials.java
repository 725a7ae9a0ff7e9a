// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package com.cloudbees.plugins.credentials;

import edu.umd.cs.findbugs.annotations.CheckForNull;

public class BaseCredentials implements Credentials {

  public BaseCredentials(@CheckForNull CredentialsScope scope) {
    throw new UnsupportedOperationException();
  }
}
