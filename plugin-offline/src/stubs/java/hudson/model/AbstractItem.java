// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package hudson.model;

public abstract class AbstractItem extends Actionable implements Item {

  AbstractItem() {
    throw new UnsupportedOperationException();
  }

  @Override
  public final String getFullName() {
    throw new UnsupportedOperationException();
  }
}
