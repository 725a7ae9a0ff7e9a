// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package com.cloudbees.plugins.credentials.common;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.ListBoxModel;

public abstract class AbstractIdCredentialsListBoxModel<T extends AbstractIdCredentialsListBoxModel<T, C>,
    C extends IdCredentials> extends ListBoxModel {

  public AbstractIdCredentialsListBoxModel() {
    throw new UnsupportedOperationException();
  }

  @NonNull
  public AbstractIdCredentialsListBoxModel<T, C> includeEmptyValue() {
    throw new UnsupportedOperationException();
  }

  @NonNull
  public AbstractIdCredentialsListBoxModel<T, C> withAll(@NonNull Iterable<? extends C> credentials) {
    throw new UnsupportedOperationException();
  }

  @NonNull
  public AbstractIdCredentialsListBoxModel<T, C> includeCurrentValue(@NonNull String value) {
    throw new UnsupportedOperationException();
  }
}
