package io.tglive.run.codebuild;

import io.tglive.run.RunnerException;
import io.tglive.run.aws.Secrets;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The S3 objects that travel between the runner and its builds, in one bucket. */
final class BuildStorage {

    private final S3Client s3;
    private final String bucket;
    private final Secrets secrets;

    BuildStorage(S3Client s3, String bucket, Secrets secrets) {
        this.s3 = s3;
        this.bucket = bucket;
        this.secrets = secrets;
    }

    /** The {@code s3://} URL of {@code key}. */
    String url(String key) {
        return "s3://" + bucket + "/" + key;
    }

    /** The object's bytes, or empty if there is no such object. */
    Optional<byte[]> read(String key) throws RunnerException {
        try {
            return Optional.of(s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsFailures.runnerException("cannot read " + url(key), e, secrets);
        }
    }

    /** The object as UTF-8 text, or empty if there is no such object. */
    Optional<String> readText(String key) throws RunnerException {
        return read(key).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    /** Whether the object exists. */
    boolean exists(String key) throws RunnerException {
        try {
            s3.headObject(r -> r.bucket(bucket).key(key));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw AwsFailures.runnerException("cannot look up " + url(key), e, secrets);
        } catch (SdkException e) {
            throw AwsFailures.runnerException("cannot look up " + url(key), e, secrets);
        }
    }

    /** Stores {@code bytes} as the object {@code key}. */
    void write(String key, byte[] bytes) throws RunnerException {
        try {
            s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw AwsFailures.runnerException("cannot write " + url(key), e, secrets);
        }
    }
}
