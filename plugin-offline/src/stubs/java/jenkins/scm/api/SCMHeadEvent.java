// Hand-written compile-time stub of an API type (scm-api / github-api): real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package jenkins.scm.api;

public abstract class SCMHeadEvent<P> extends SCMEvent<P> {

  SCMHeadEvent() {
    throw new UnsupportedOperationException();
  }
}
