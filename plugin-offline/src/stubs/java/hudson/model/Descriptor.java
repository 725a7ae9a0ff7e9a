// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package hudson.model;

import net.sf.json.JSONObject;
import org.kohsuke.stapler.StaplerRequest2;

public abstract class Descriptor<T extends Describable<T>> {

  protected Descriptor() {
    throw new UnsupportedOperationException();
  }

  public String getDisplayName() {
    throw new UnsupportedOperationException();
  }

  public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
    throw new UnsupportedOperationException();
  }

  public synchronized void save() {
    throw new UnsupportedOperationException();
  }

  public synchronized void load() {
    throw new UnsupportedOperationException();
  }

  public static final class FormException extends Exception {

    private static final long serialVersionUID = 1L;

    public FormException(String message, String formField) {
      throw new UnsupportedOperationException();
    }

    public String getFormField() {
      throw new UnsupportedOperationException();
    }
  }
}
