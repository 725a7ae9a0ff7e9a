// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package org.springframework.security.core.userdetails;

import org.springframework.security.core.AuthenticationException;

public class UsernameNotFoundException extends AuthenticationException {

  public UsernameNotFoundException(String msg) {
    super(msg);
    throw new UnsupportedOperationException();
  }
}
