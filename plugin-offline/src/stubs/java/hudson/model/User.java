// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

public class User {

  private User() {
    throw new UnsupportedOperationException();
  }

  public static @Nullable User getById(String id, boolean create) {
    throw new UnsupportedOperationException();
  }

  public String getId() {
    throw new UnsupportedOperationException();
  }

  public <T extends UserProperty> T getProperty(Class<T> clazz) {
    throw new UnsupportedOperationException();
  }

  public @NonNull Authentication impersonate2() throws UsernameNotFoundException {
    throw new UnsupportedOperationException();
  }
}
