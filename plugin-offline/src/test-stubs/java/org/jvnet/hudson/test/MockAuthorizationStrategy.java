// Hand-written compile-time stub of a Jenkins test-scope API type: real name, exact signatures, no behaviour.
// Compiled only, with plugin/src/test/java (see plugin-offline/README.md); checked by plugin/src/test StubSignaturesTest.
package org.jvnet.hudson.test;

import hudson.model.Item;
import hudson.security.AuthorizationStrategy;
import hudson.security.Permission;

public class MockAuthorizationStrategy extends AuthorizationStrategy {

  public MockAuthorizationStrategy() {
    throw new UnsupportedOperationException();
  }

  public Grant grant(Permission... permissions) {
    throw new UnsupportedOperationException();
  }

  public Grant grantWithoutImplication(Permission... permissions) {
    throw new UnsupportedOperationException();
  }

  public class Grant {

    Grant() {
      throw new UnsupportedOperationException();
    }

    public GrantOn everywhere() {
      throw new UnsupportedOperationException();
    }

    public GrantOn onRoot() {
      throw new UnsupportedOperationException();
    }

    public GrantOn onItems(Item... items) {
      throw new UnsupportedOperationException();
    }

    public GrantOn onPaths(String... pathRegexps) {
      throw new UnsupportedOperationException();
    }

    public class GrantOn {

      GrantOn() {
        throw new UnsupportedOperationException();
      }

      public MockAuthorizationStrategy to(String... sids) {
        throw new UnsupportedOperationException();
      }

      public MockAuthorizationStrategy toEveryone() {
        throw new UnsupportedOperationException();
      }

      public MockAuthorizationStrategy toAuthenticated() {
        throw new UnsupportedOperationException();
      }
    }
  }
}
