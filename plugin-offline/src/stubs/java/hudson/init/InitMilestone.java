// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package hudson.init;

public enum InitMilestone {
  STARTED,
  PLUGINS_LISTED,
  PLUGINS_PREPARED,
  PLUGINS_STARTED,
  EXTENSIONS_AUGMENTED,
  SYSTEM_CONFIG_LOADED,
  SYSTEM_CONFIG_ADAPTED,
  JOB_LOADED,
  JOB_CONFIG_ADAPTED,
  COMPLETED
}
