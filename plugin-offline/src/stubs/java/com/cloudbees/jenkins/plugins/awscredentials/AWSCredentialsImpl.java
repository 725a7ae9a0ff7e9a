// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package com.cloudbees.jenkins.plugins.awscredentials;

import com.cloudbees.plugins.credentials.CredentialsScope;
import edu.umd.cs.findbugs.annotations.CheckForNull;

public class AWSCredentialsImpl extends BaseAmazonWebServicesCredentials {

  public AWSCredentialsImpl(@CheckForNull CredentialsScope scope, @CheckForNull String id,
      @CheckForNull String accessKey, @CheckForNull String secretKey, @CheckForNull String description) {
    super(scope, id, description);
    throw new UnsupportedOperationException();
  }
}
