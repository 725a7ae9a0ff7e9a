// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package hudson.model.listeners;

import hudson.ExtensionPoint;

public class ItemListener implements ExtensionPoint {

  public ItemListener() {}

  public void onLoaded() {
    throw new UnsupportedOperationException();
  }
}
