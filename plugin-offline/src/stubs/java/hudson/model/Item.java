// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package hudson.model;

import hudson.security.Permission;

public interface Item {

  Permission CREATE = null;
  Permission DELETE = null;
  Permission CONFIGURE = null;
  Permission READ = null;
  Permission DISCOVER = null;
  Permission EXTENDED_READ = null;
  Permission BUILD = null;
  Permission WORKSPACE = null;
  Permission CANCEL = null;

  String getFullName();
}
