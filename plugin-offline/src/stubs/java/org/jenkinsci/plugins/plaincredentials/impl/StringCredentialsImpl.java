// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package org.jenkinsci.plugins.plaincredentials.impl;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;
import org.kohsuke.stapler.DataBoundConstructor;

public final class StringCredentialsImpl extends BaseStandardCredentials {

  @DataBoundConstructor
  public StringCredentialsImpl(@CheckForNull CredentialsScope scope, @CheckForNull String id,
      @CheckForNull String description, @NonNull Secret secret) {
    super(scope, id, description);
    throw new UnsupportedOperationException();
  }
}
