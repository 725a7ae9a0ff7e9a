package io.tglive.run.aws;

import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Where the base AWS credentials come from: the SDK's default chain, keys given explicitly, or a
 * provider a CI system hands over (a Jenkins AWS credential is one).
 */
public sealed interface CredentialsSource {

    /** The provider of the base credentials; every secret it holds is registered with {@code secrets}. */
    AwsCredentialsProvider provider(Secrets secrets);

    /** The AWS default chain: environment, system properties, profiles, web identity, container, instance. */
    record DefaultChain() implements CredentialsSource {
        @Override
        public AwsCredentialsProvider provider(Secrets secrets) {
            return new RedactingCredentialsProvider(DefaultCredentialsProvider.builder().build(), secrets);
        }
    }

    /**
     * Explicit keys (a Jenkins credentials id resolves to these). {@link #toString()} never shows the
     * secret key or the session token.
     */
    record StaticKeys(String accessKeyId, String secretAccessKey, Optional<String> sessionToken)
            implements CredentialsSource {

        public StaticKeys {
            if (accessKeyId == null || accessKeyId.isBlank()) {
                throw new IllegalArgumentException("static AWS credentials: the access key id is empty");
            }
            if (secretAccessKey == null || secretAccessKey.isBlank()) {
                throw new IllegalArgumentException(
                        "static AWS credentials: the secret access key of " + accessKeyId + " is empty");
            }
            Objects.requireNonNull(sessionToken, "sessionToken");
        }

        @Override
        public AwsCredentialsProvider provider(Secrets secrets) {
            secrets.add(secretAccessKey);
            sessionToken.ifPresent(secrets::add);
            return StaticCredentialsProvider.create(sessionToken
                    .<software.amazon.awssdk.auth.credentials.AwsCredentials>map(
                            token -> AwsSessionCredentials.create(accessKeyId, secretAccessKey, token))
                    .orElseGet(() -> AwsBasicCredentials.create(accessKeyId, secretAccessKey)));
        }

        @Override
        public String toString() {
            return "StaticKeys[accessKeyId=" + accessKeyId + ", secretAccessKey=" + Secrets.MASK
                    + sessionToken.map(t -> ", sessionToken=" + Secrets.MASK).orElse("") + "]";
        }
    }

    /**
     * A provider of credentials held elsewhere, such as a Jenkins {@code AmazonWebServicesCredentials}
     * (itself an SDK v2 provider, which may assume a role of its own). Each secret it hands out is
     * registered with {@link Secrets}; {@link #toString()} names its type and id, never a secret.
     *
     * @param name what the provider is, for messages (a credentials id); never a secret
     */
    record Provided(String name, AwsCredentialsProvider provider) implements CredentialsSource {

        public Provided {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(provider, "provider");
        }

        @Override
        public AwsCredentialsProvider provider(Secrets secrets) {
            return new RedactingCredentialsProvider(provider, secrets);
        }

        @Override
        public String toString() {
            return "Provided[" + name + "]";
        }
    }
}
