// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.List;
import jenkins.model.RunAction2;

public class ParametersAction implements RunAction2 {

  public ParametersAction(@NonNull List<ParameterValue> parameters) {
    throw new UnsupportedOperationException();
  }

  public ParameterValue getParameter(String name) {
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
