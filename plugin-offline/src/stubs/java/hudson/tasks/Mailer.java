// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
// The mailer plugin's class (org.jenkins-ci.plugins:mailer, an optional dependency of the plugin).
package hudson.tasks;

public class Mailer {

  private Mailer() {
    throw new UnsupportedOperationException();
  }

  public static class UserProperty extends hudson.model.UserProperty {

    public UserProperty(String emailAddress) {
      throw new UnsupportedOperationException();
    }

    public String getAddress() {
      throw new UnsupportedOperationException();
    }
  }
}
