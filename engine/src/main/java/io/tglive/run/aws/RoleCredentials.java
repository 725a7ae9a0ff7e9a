package io.tglive.run.aws;

import io.tglive.run.CommandKind;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * The credentials a command runs with: the base credentials when the account has no roles, otherwise
 * the plan role or the apply role, assumed through STS {@code AssumeRole} from the base credentials
 * and refreshed before they expire. Every secret handed out is registered with {@link Secrets}.
 */
public final class RoleCredentials implements AutoCloseable {

    private final AwsCredentialsProvider base;
    private final Optional<AccountRoles> roles;
    private final String sessionName;
    private final Secrets secrets;
    private final StsClient sts;
    private final Map<String, StsAssumeRoleCredentialsProvider> assumed = new ConcurrentHashMap<>();

    /**
     * @param sessionName the STS role session name (shows in CloudTrail), e.g. {@code tglive-<run id>}
     */
    public RoleCredentials(CredentialsSource source, Optional<AccountRoles> roles, String sessionName,
            AwsConnection connection, Secrets secrets) {
        this.secrets = secrets;
        this.base = source.provider(secrets);
        this.roles = roles;
        this.sessionName = sessionName(sessionName);
        this.sts = roles.isEmpty() ? null
                : connection.configure(StsClient.builder()).credentialsProvider(base).httpClient(connection.http()).build();
    }

    /** The role ARN a command of {@code kind} runs with, if the account has roles. */
    public Optional<String> roleFor(CommandKind kind) {
        return roles.map(r -> r.roleFor(kind));
    }

    /** The credentials for a command of {@code kind}. */
    public AwsCredentialsProvider forKind(CommandKind kind) {
        if (roles.isEmpty()) {
            return base;
        }
        AccountRoles accountRoles = roles.get();
        String arn = accountRoles.roleFor(kind);
        return new RedactingCredentialsProvider(assumed.computeIfAbsent(arn, role -> {
            AssumeRoleRequest.Builder request = AssumeRoleRequest.builder()
                    .roleArn(role)
                    .roleSessionName(sessionName)
                    .durationSeconds((int) accountRoles.session().toSeconds());
            accountRoles.externalId().ifPresent(request::externalId);
            return StsAssumeRoleCredentialsProvider.builder()
                    .stsClient(sts)
                    .refreshRequest(request.build())
                    .asyncCredentialUpdateEnabled(false)
                    .build();
        }), secrets);
    }

    /** An STS role session name: 2 to 64 characters of {@code [\w+=,.@-]}. */
    static String sessionName(String wanted) {
        String cleaned = wanted.replaceAll("[^\\w+=,.@-]", "-");
        if (cleaned.length() < 2) {
            cleaned = "tglive-" + cleaned;
        }
        return cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
    }

    @Override
    public void close() {
        assumed.values().forEach(StsAssumeRoleCredentialsProvider::close);
        if (sts != null) {
            sts.close();
        }
    }
}
