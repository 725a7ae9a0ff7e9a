// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package hudson.model;
import java.io.IOException;

public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends AbstractItem {

  private Job() {
    throw new UnsupportedOperationException();
  }

  @SuppressWarnings("rawtypes")
  protected Job(ItemGroup parent, String name) {
    throw new UnsupportedOperationException();
  }

  public RunT getBuildByNumber(int n) {
    throw new UnsupportedOperationException();
  }

  public RunT getLastBuild() {
    throw new UnsupportedOperationException();
  }

  public RunT getLastSuccessfulBuild() {
    throw new UnsupportedOperationException();
  }

  public void addProperty(JobProperty<? super JobT> jobProp) throws IOException {
    throw new UnsupportedOperationException();
  }
}
