// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package hudson.util;

import java.util.ArrayList;

public class ListBoxModel extends ArrayList<ListBoxModel.Option> {

  public ListBoxModel() {
    throw new UnsupportedOperationException();
  }

  public static final class Option {

    public Option(String name, String value) {
      throw new UnsupportedOperationException();
    }
  }
}
