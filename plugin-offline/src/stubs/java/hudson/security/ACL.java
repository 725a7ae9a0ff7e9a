// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import org.springframework.security.core.Authentication;

public abstract class ACL {

  public static final Authentication SYSTEM2 = null;

  private ACL() {
    throw new UnsupportedOperationException();
  }

  @NonNull
  public static ACLContext as2(@NonNull Authentication auth) {
    throw new UnsupportedOperationException();
  }

  public final boolean hasPermission(@NonNull Permission p) {
    throw new UnsupportedOperationException();
  }
}
