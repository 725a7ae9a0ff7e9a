// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package jenkins.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import java.io.File;
import org.springframework.security.core.Authentication;

public class Jenkins implements AccessControlled {

  public static final Permission ADMINISTER = null;

  private Jenkins() {
    throw new UnsupportedOperationException();
  }

  @NonNull
  public static Authentication getAuthentication2() {
    throw new UnsupportedOperationException();
  }

  @NonNull
  public static Jenkins get() throws IllegalStateException {
    throw new UnsupportedOperationException();
  }

  public File getRootDir() {
    throw new UnsupportedOperationException();
  }
}
