// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package com.cloudbees.plugins.credentials;

import java.io.Serializable;

public enum CredentialsScope implements Serializable {
  SYSTEM {
    @Override
    public String getDisplayName() {
      throw new UnsupportedOperationException();
    }
  },
  GLOBAL {
    @Override
    public String getDisplayName() {
      throw new UnsupportedOperationException();
    }
  },
  USER {
    @Override
    public String getDisplayName() {
      throw new UnsupportedOperationException();
    }
  };

  public abstract String getDisplayName();
}
