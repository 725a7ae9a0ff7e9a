// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package hudson.security;

import java.util.Set;

public abstract class GroupDetails {

  private GroupDetails() {
    throw new UnsupportedOperationException();
  }

  public abstract String getName();

  public Set<String> getMembers() {
    throw new UnsupportedOperationException();
  }
}
