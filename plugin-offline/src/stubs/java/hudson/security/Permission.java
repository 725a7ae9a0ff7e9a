// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package hudson.security;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;

public final class Permission {

  private Permission() {
    throw new UnsupportedOperationException();
  }

  public @NonNull String getId() {
    throw new UnsupportedOperationException();
  }

  public static @CheckForNull Permission fromId(@NonNull String id) {
    throw new UnsupportedOperationException();
  }
}
