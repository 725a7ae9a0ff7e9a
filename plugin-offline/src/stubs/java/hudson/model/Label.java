// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;

public abstract class Label extends Actionable {

  private Label() {
    throw new UnsupportedOperationException();
  }

  public final String getName() {
    throw new UnsupportedOperationException();
  }

  public abstract String getExpression();

  @CheckForNull
  public static Label get(String l) {
    throw new UnsupportedOperationException();
  }
}
