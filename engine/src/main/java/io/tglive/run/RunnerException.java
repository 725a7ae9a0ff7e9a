package io.tglive.run;

/**
 * The runner itself failed: the command could not start, timed out, was stopped, or the remote build
 * faulted. The message says which, in words a user can act on, and never contains a secret.
 */
public class RunnerException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Whether trying the same command again may succeed (throttling, a 5xx, a lost connection). */
    private final boolean transientFailure;

    public RunnerException(String message, boolean transientFailure) {
        super(message);
        this.transientFailure = transientFailure;
    }

    public RunnerException(String message, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    /** Whether the same command may be tried again. */
    public boolean isTransient() {
        return transientFailure;
    }
}
