// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package jenkins.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Plugin;
import hudson.init.InitMilestone;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.TopLevelItem;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.security.AuthorizationStrategy;
import hudson.security.Permission;
import hudson.security.SecurityRealm;
import java.io.File;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
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

  public static final Permission READ = null;

  @NonNull
  public static Jenkins get() throws IllegalStateException {
    throw new UnsupportedOperationException();
  }

  public SecurityRealm getSecurityRealm() {
    throw new UnsupportedOperationException();
  }

  @CheckForNull
  public Plugin getPlugin(String shortName) {
    throw new UnsupportedOperationException();
  }

  @NonNull
  public synchronized <T extends TopLevelItem> T createProject(@NonNull Class<T> type, @NonNull String name) throws IOException {
    throw new UnsupportedOperationException();
  }

  public @CheckForNull <T extends Item> T getItemByFullName(@NonNull String fullName, Class<T> type) throws AccessDeniedException {
    throw new UnsupportedOperationException();
  }

  public @CheckForNull Item getItemByFullName(String fullName) {
    throw new UnsupportedOperationException();
  }

  public void setSecurityRealm(@CheckForNull SecurityRealm securityRealm) {
    throw new UnsupportedOperationException();
  }

  public void setAuthorizationStrategy(@CheckForNull AuthorizationStrategy a) {
    throw new UnsupportedOperationException();
  }

  public File getRootDir() {
    throw new UnsupportedOperationException();
  }

  public InitMilestone getInitLevel() {
    throw new UnsupportedOperationException();
  }

  public Queue getQueue() {
    throw new UnsupportedOperationException();
  }

  public ACL getACL() {
    throw new UnsupportedOperationException();
  }
}
