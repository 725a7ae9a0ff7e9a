// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package hudson.model;

import jenkins.model.RunAction2;

public class CauseAction implements RunAction2 {

  public CauseAction(Cause... c) {
    throw new UnsupportedOperationException();
  }

  @Override
  public String getIconFileName() {
    throw new UnsupportedOperationException();
  }

  @Override
  public String getDisplayName() {
    throw new UnsupportedOperationException();
  }

  @Override
  public String getUrlName() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void onAttached(Run<?, ?> r) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void onLoad(Run<?, ?> r) {
    throw new UnsupportedOperationException();
  }
}
