package io.tglive.run.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class CredentialsSourceTest {

    @Test
    void aProvidedProviderHandsOutItsCredentialsAndRegistersTheirSecretsForMasking() {
        Secrets secrets = new Secrets();
        CredentialsSource source = new CredentialsSource.Provided("jenkins-aws-prod", StaticCredentialsProvider.create(
                AwsSessionCredentials.create("AKIAPROVIDED", "provided-secret-key", "provided-session-token")));

        AwsCredentials resolved = source.provider(secrets).resolveCredentials();

        assertThat(resolved.accessKeyId()).isEqualTo("AKIAPROVIDED");
        assertThat(secrets.redact("key provided-secret-key token provided-session-token"))
                .isEqualTo("key **** token ****");
    }

    @Test
    void aProvidedSourceNamesItselfWithoutTouchingItsSecrets() {
        CredentialsSource source = new CredentialsSource.Provided("jenkins-aws-prod", StaticCredentialsProvider.create(
                AwsSessionCredentials.create("AKIAPROVIDED", "provided-secret-key", "provided-session-token")));

        assertThat(source.toString()).isEqualTo("Provided[jenkins-aws-prod]");
    }
}
