package io.tglive.run.aws;

import io.tglive.run.CommandLog;
import io.tglive.run.CommandResult;
import io.tglive.run.CommandSpec;
import io.tglive.run.RunnerException;
import io.tglive.run.UnitRunner;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs an account's commands on another runner (a local process) with the account's roles: plan,
 * show and queries get the plan role's credentials, applies the apply role's, assumed through STS
 * and handed to terragrunt as {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} and
 * {@code AWS_SESSION_TOKEN} (which the AWS SDKs prefer to profiles). So a plan never runs with the
 * apply role. The secrets are registered with {@link Secrets} and appear only in the command's
 * environment, never in a log line or message.
 */
public final class RoleEnvironmentRunner implements UnitRunner, AutoCloseable {

    private final UnitRunner delegate;
    private final RoleCredentials credentials;
    private final Optional<String> region;
    private final Secrets secrets;

    /**
     * @param delegate runs the command with the added environment
     * @param credentials the account's roles over the base credentials
     * @param region the account's region, given to terragrunt as {@code AWS_REGION}, if any
     */
    public RoleEnvironmentRunner(UnitRunner delegate, RoleCredentials credentials, Optional<String> region,
            Secrets secrets) {
        this.delegate = delegate;
        this.credentials = credentials;
        this.region = region;
        this.secrets = secrets;
    }

    @Override
    public CommandResult run(CommandSpec command, CommandLog log) throws RunnerException, InterruptedException {
        String what = command.kind().name().toLowerCase(Locale.ROOT) + " of " + command.unit();
        String role = credentials.roleFor(command.kind()).orElse("the base credentials");
        AwsCredentials resolved;
        try {
            resolved = credentials.forKind(command.kind()).resolveCredentials();
        } catch (SdkException e) {
            throw new RunnerException(what + ": cannot assume " + role + ": "
                    + secrets.redact(String.valueOf(e.getMessage())), e.retryable());
        }
        Map<String, String> environment = new HashMap<>(command.environment());
        environment.put("AWS_ACCESS_KEY_ID", resolved.accessKeyId());
        environment.put("AWS_SECRET_ACCESS_KEY", resolved.secretAccessKey());
        if (resolved instanceof AwsSessionCredentials session) {
            environment.put("AWS_SESSION_TOKEN", session.sessionToken());
        } else {
            environment.remove("AWS_SESSION_TOKEN");
        }
        region.ifPresent(r -> {
            environment.put("AWS_REGION", r);
            environment.put("AWS_DEFAULT_REGION", r);
        });
        log.line("[tglive] " + what + " as " + role);
        return delegate.run(new CommandSpec(command.unit(), command.kind(), command.argv(), environment,
                command.revision(), command.workingDirectory(), command.planFile(), command.timeout()), log);
    }

    @Override
    public void close() {
        credentials.close();
    }
}
