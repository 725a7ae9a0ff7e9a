// Hand-written compile-time stub of a Jenkins test-scope API type: real name, exact signatures, no behaviour.
// Compiled only, with plugin/src/test/java (see plugin-offline/README.md); checked by plugin/src/test StubSignaturesTest.
package org.jvnet.hudson.test.junit.jupiter;

import edu.umd.cs.findbugs.annotations.NonNull;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

public class BuildWatcherExtension implements BeforeAllCallback, AfterAllCallback {

  public BuildWatcherExtension() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void beforeAll(@NonNull ExtensionContext extensionContext) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void afterAll(@NonNull ExtensionContext extensionContext) {
    throw new UnsupportedOperationException();
  }
}
