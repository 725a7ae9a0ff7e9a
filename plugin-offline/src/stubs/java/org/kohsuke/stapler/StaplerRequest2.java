// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

public interface StaplerRequest2 extends HttpServletRequest {

  <T> List<T> bindJSONToList(Class<T> type, Object src);

  String getRestOfPath();
}
