// Hand-written compile-time stub of an API type (scm-api / github-api): real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package org.kohsuke.github;

import java.io.IOException;
import java.util.Date;

public class GHPullRequest extends GHIssue {

  GHPullRequest() {
    throw new UnsupportedOperationException();
  }

  public GHCommitPointer getBase() {
    throw new UnsupportedOperationException();
  }

  public GHCommitPointer getHead() {
    throw new UnsupportedOperationException();
  }

  public Date getMergedAt() {
    throw new UnsupportedOperationException();
  }

  public String getMergeCommitSha() throws IOException {
    throw new UnsupportedOperationException();
  }
}
