// Hand-written compile-time stub of an API type (scm-api / github-api): real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package jenkins.scm.api;

public abstract class SCMEvent<P> {

  SCMEvent() {
    throw new UnsupportedOperationException();
  }

  public Type getType() {
    throw new UnsupportedOperationException();
  }

  public P getPayload() {
    throw new UnsupportedOperationException();
  }

  public enum Type {
    CREATED,
    REMOVED,
    UPDATED
  }
}
