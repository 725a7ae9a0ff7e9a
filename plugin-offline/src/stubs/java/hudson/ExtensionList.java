// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;

public class ExtensionList<T> {

  private ExtensionList() {
    throw new UnsupportedOperationException();
  }

  public static @NonNull <U> U lookupSingleton(Class<U> type) {
    throw new UnsupportedOperationException();
  }
}
