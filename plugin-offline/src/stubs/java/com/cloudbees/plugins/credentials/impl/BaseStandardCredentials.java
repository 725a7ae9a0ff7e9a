// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package com.cloudbees.plugins.credentials.impl;

import com.cloudbees.plugins.credentials.BaseCredentials;
import com.cloudbees.plugins.credentials.CredentialsScope;
import edu.umd.cs.findbugs.annotations.CheckForNull;

public abstract class BaseStandardCredentials extends BaseCredentials {

  public BaseStandardCredentials(@CheckForNull CredentialsScope scope, @CheckForNull String id,
      @CheckForNull String description) {
    super(scope);
    throw new UnsupportedOperationException();
  }
}
