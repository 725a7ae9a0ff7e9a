// Hand-written compile-time stub of an API type (scm-api / github-api): real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package org.kohsuke.github;

import java.io.IOException;

public class GHIssue {

  GHIssue() {
    throw new UnsupportedOperationException();
  }

  public int getNumber() {
    throw new UnsupportedOperationException();
  }

  public GHUser getUser() throws IOException {
    throw new UnsupportedOperationException();
  }
}
