// Hand-written compile-time stub of an API type (scm-api / github-api): real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package org.kohsuke.github;

public class GHUser extends GHPerson {

  GHUser() {
    throw new UnsupportedOperationException();
  }
}
