// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

public abstract class Launcher {

  private Launcher() {
    throw new UnsupportedOperationException();
  }

  @NonNull
  public final ProcStarter launch() {
    throw new UnsupportedOperationException();
  }

  public abstract void kill(Map<String, String> modelEnvVars) throws IOException, InterruptedException;

  public final class ProcStarter {

    private ProcStarter() {
      throw new UnsupportedOperationException();
    }

    public ProcStarter cmds(List<String> args) {
      throw new UnsupportedOperationException();
    }

    public ProcStarter quiet(boolean quiet) {
      throw new UnsupportedOperationException();
    }

    public ProcStarter pwd(@CheckForNull FilePath workDir) {
      throw new UnsupportedOperationException();
    }

    public ProcStarter stdout(@CheckForNull OutputStream out) {
      throw new UnsupportedOperationException();
    }

    public ProcStarter stderr(@CheckForNull OutputStream err) {
      throw new UnsupportedOperationException();
    }

    public ProcStarter stdin(@CheckForNull InputStream in) {
      throw new UnsupportedOperationException();
    }

    public ProcStarter envs(@NonNull Map<String, String> overrides) {
      throw new UnsupportedOperationException();
    }

    public Proc start() throws IOException {
      throw new UnsupportedOperationException();
    }
  }
}
