// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;

public final class FilePath {

  private FilePath() {
    throw new UnsupportedOperationException();
  }

  public String getRemote() {
    throw new UnsupportedOperationException();
  }

  public @NonNull FilePath child(String relOrAbsolute) {
    throw new UnsupportedOperationException();
  }

  public <T> T act(final FileCallable<T> callable) throws IOException, InterruptedException {
    throw new UnsupportedOperationException();
  }

  public interface FileCallable<T> extends Serializable {
    T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
  }
}
