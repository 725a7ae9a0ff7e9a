package io.tglive.run.codebuild;

import io.tglive.run.RunnerException;
import io.tglive.run.aws.Secrets;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns AWS SDK failures into {@link RunnerException}s: worded for users, cleaned of secrets. */
final class AwsFailures {

    private AwsFailures() {
    }

    /**
     * Whether trying again may help: throttling, a 5xx answer, CodeBuild's concurrent-build limit, or
     * a client-side failure (a lost connection, a call that timed out).
     */
    static boolean isTransient(SdkException e) {
        if (e instanceof AwsServiceException service) {
            return service.isThrottlingException() || service.statusCode() >= 500
                    || "AccountLimitExceededException".equals(errorCode(service));
        }
        return e instanceof SdkClientException;
    }

    /** A one-line description of {@code e}: the AWS error code, its message and the HTTP status. */
    static String describe(SdkException e, Secrets secrets) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String message = service.awsErrorDetails().errorMessage();
            return secrets.redact(errorCode(service) + (message == null ? "" : ": " + message)
                    + " (HTTP " + service.statusCode() + ")");
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return secrets.redact(message.lines().findFirst().orElse(message));
    }

    /**
     * {@code what} failed because of {@code e}. The original exception is not attached (its message
     * could hold a secret); its stack trace is kept on a redacted stand-in cause.
     */
    static RunnerException runnerException(String what, SdkException e, Secrets secrets) {
        String description = describe(e, secrets);
        boolean again = isTransient(e);
        RedactedCause cause = new RedactedCause(e.getClass().getName() + ": " + description);
        cause.setStackTrace(e.getStackTrace());
        return new RunnerException(secrets.redact(what) + ": " + description
                + (again ? " (transient; may succeed if tried again)" : ""), again, cause);
    }

    private static String errorCode(AwsServiceException e) {
        return e.awsErrorDetails() == null ? "HTTP " + e.statusCode() : e.awsErrorDetails().errorCode();
    }

    /** An AWS SDK exception's class, redacted message and stack trace, without its cause chain. */
    static final class RedactedCause extends Exception {
        private static final long serialVersionUID = 1L;

        RedactedCause(String message) {
            super(message, null, false, true);
        }
    }
}
