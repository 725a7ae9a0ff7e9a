package io.tglive.run.codebuild;

import io.tglive.run.aws.AwsConnection;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.s3.S3Client;

/** The three clients one set of credentials needs: CodeBuild, CloudWatch Logs and S3. */
record AwsClients(CodeBuildClient codeBuild, CloudWatchLogsClient logs, S3Client s3) implements AutoCloseable {

    /**
     * Clients over {@code connection} signing with {@code credentials}. S3 uses path-style addresses
     * when the endpoint is overridden (a local server has no per-bucket host names) and checksums only
     * where S3 requires them (plan files are checked by their own SHA-256).
     */
    static AwsClients create(AwsConnection connection, AwsCredentialsProvider credentials) {
        return new AwsClients(
                connection.configure(CodeBuildClient.builder()).credentialsProvider(credentials)
                        .httpClient(connection.http()).build(),
                connection.configure(CloudWatchLogsClient.builder()).credentialsProvider(credentials)
                        .httpClient(connection.http()).build(),
                connection.configure(S3Client.builder()).credentialsProvider(credentials)
                        .httpClient(connection.http())
                        .forcePathStyle(connection.endpoint().isPresent())
                        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                        .build());
    }

    @Override
    public void close() {
        codeBuild.close();
        logs.close();
        s3.close();
    }
}
