// Hand-written compile-time stub of an API type (scm-api / github-api): real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package org.kohsuke.github;

public abstract class GHEventPayload {

  GHEventPayload() {
    throw new UnsupportedOperationException();
  }

  public String getAction() {
    throw new UnsupportedOperationException();
  }

  public GHRepository getRepository() {
    throw new UnsupportedOperationException();
  }

  public static class PullRequest extends GHEventPayload {

    public PullRequest() {
      throw new UnsupportedOperationException();
    }

    public int getNumber() {
      throw new UnsupportedOperationException();
    }

    public GHPullRequest getPullRequest() {
      throw new UnsupportedOperationException();
    }
  }
}
