// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package com.cloudbees.plugins.credentials;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;

public class CredentialsMatchers {

  private CredentialsMatchers() {
    throw new UnsupportedOperationException();
  }

  @NonNull
  public static CredentialsMatcher withId(@NonNull String id) {
    throw new UnsupportedOperationException();
  }

  @CheckForNull
  public static <C extends Credentials> C firstOrNull(@NonNull Iterable<C> credentials,
      @NonNull CredentialsMatcher matcher) {
    throw new UnsupportedOperationException();
  }
}
