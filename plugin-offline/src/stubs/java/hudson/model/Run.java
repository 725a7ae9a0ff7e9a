// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.File;
import java.io.IOException;

public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable {

  private Run() {
    throw new UnsupportedOperationException();
  }

  protected Run(@NonNull JobT job) throws IOException {
    throw new UnsupportedOperationException();
  }

  public @CheckForNull RunT getPreviousSuccessfulBuild() {
    throw new UnsupportedOperationException();
  }

  public @CheckForNull RunT getPreviousBuild() {
    throw new UnsupportedOperationException();
  }

  public long getTimeInMillis() {
    throw new UnsupportedOperationException();
  }

  public int getNumber() {
    throw new UnsupportedOperationException();
  }

  public @NonNull File getRootDir() {
    throw new UnsupportedOperationException();
  }

  public @NonNull String getExternalizableId() {
    throw new UnsupportedOperationException();
  }

  public @NonNull String getUrl() {
    throw new UnsupportedOperationException();
  }

  public @CheckForNull <T extends Cause> T getCause(Class<T> type) {
    throw new UnsupportedOperationException();
  }

  public @NonNull JobT getParent() {
    throw new UnsupportedOperationException();
  }

  public @CheckForNull Result getResult() {
    throw new UnsupportedOperationException();
  }

  public boolean isBuilding() {
    throw new UnsupportedOperationException();
  }

  @Deprecated
  public @NonNull String getLog() throws IOException {
    throw new UnsupportedOperationException();
  }
}
