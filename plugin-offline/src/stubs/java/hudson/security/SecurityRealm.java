// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package hudson.security;

import org.springframework.security.core.userdetails.UsernameNotFoundException;

public abstract class SecurityRealm {

  public SecurityRealm() {
    throw new UnsupportedOperationException();
  }

  public GroupDetails loadGroupByGroupname2(String groupname, boolean fetchMembers) throws UsernameNotFoundException {
    throw new UnsupportedOperationException();
  }
}
