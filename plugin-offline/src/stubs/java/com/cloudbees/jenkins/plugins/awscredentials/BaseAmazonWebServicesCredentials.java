// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package com.cloudbees.jenkins.plugins.awscredentials;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;

public abstract class BaseAmazonWebServicesCredentials extends BaseStandardCredentials {

  public BaseAmazonWebServicesCredentials(@CheckForNull CredentialsScope scope, @CheckForNull String id,
      @CheckForNull String description) {
    super(scope, id, description);
    throw new UnsupportedOperationException();
  }
}
