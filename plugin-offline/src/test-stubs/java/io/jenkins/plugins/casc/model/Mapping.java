// Hand-written compile-time stub of a Jenkins test-scope API type: real name, exact signatures, no behaviour.
// Compiled only, with plugin/src/test/java (see plugin-offline/README.md); checked by plugin/src/test StubSignaturesTest.
package io.jenkins.plugins.casc.model;

import java.util.HashMap;

public final class Mapping extends HashMap<String, CNode> implements CNode {

  public Mapping() {
    throw new UnsupportedOperationException();
  }

  @Override
  public Mapping clone() {
    throw new UnsupportedOperationException();
  }
}
