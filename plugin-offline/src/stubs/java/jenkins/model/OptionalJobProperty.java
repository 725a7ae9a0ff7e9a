// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package jenkins.model;

import hudson.model.Job;
import hudson.model.JobProperty;

public abstract class OptionalJobProperty<J extends Job<?, ?>> extends JobProperty<J> {}
