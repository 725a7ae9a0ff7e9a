// Hand-written compile-time stub of an API type (scm-api / github-api): real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package org.kohsuke.github;

import java.io.IOException;
import java.io.Reader;

public class GitHub {

  private GitHub() {
    throw new UnsupportedOperationException();
  }

  public static GitHub offline() {
    throw new UnsupportedOperationException();
  }

  public <T extends GHEventPayload> T parseEventPayload(Reader r, Class<T> type) throws IOException {
    throw new UnsupportedOperationException();
  }
}
