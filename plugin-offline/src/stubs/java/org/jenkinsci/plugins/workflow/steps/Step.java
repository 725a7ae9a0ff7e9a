// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package org.jenkinsci.plugins.workflow.steps;

import hudson.model.AbstractDescribableImpl;

// No declared constructor, as in Jenkins: steps are plain data that tests construct.
public abstract class Step extends AbstractDescribableImpl<Step> {

  public abstract StepExecution start(StepContext context) throws Exception;
}
