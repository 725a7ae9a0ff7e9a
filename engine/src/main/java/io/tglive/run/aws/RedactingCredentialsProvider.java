package io.tglive.run.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/** Resolves credentials through a delegate and registers each secret it hands out with {@link Secrets}. */
final class RedactingCredentialsProvider implements AwsCredentialsProvider {

    private final AwsCredentialsProvider delegate;
    private final Secrets secrets;

    RedactingCredentialsProvider(AwsCredentialsProvider delegate, Secrets secrets) {
        this.delegate = delegate;
        this.secrets = secrets;
    }

    @Override
    public AwsCredentials resolveCredentials() {
        AwsCredentials credentials = delegate.resolveCredentials();
        secrets.add(credentials.secretAccessKey());
        if (credentials instanceof AwsSessionCredentials session) {
            secrets.add(session.sessionToken());
        }
        return credentials;
    }

    @Override
    public String toString() {
        return "RedactingCredentialsProvider[" + delegate.getClass().getSimpleName() + "]";
    }
}
