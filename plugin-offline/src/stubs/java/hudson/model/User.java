// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package hudson.model;

public class User {

  private User() {
    throw new UnsupportedOperationException();
  }

  public static User getById(String id, boolean create) {
    throw new UnsupportedOperationException();
  }

  public <T extends UserProperty> T getProperty(Class<T> clazz) {
    throw new UnsupportedOperationException();
  }
}
