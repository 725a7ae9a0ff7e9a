package io.tglive.run.codebuild;

import io.tglive.run.aws.AccountRoles;
import io.tglive.run.aws.CredentialsSource;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where and how one account's units run on AWS CodeBuild. Every field is checked when the record is
 * made; a bad value is an {@link IllegalArgumentException} naming the setting.
 *
 * @param project      the CodeBuild project's name; its source is the live repository
 * @param region       the AWS region of the project, the bucket and the logs
 * @param endpoint     replaces every AWS endpoint (local test servers only)
 * @param bucket       the S3 bucket that carries stdout, exit codes and plan files between builds
 * @param prefix       the key prefix in {@code bucket} (no leading or trailing slash; may be empty)
 * @param credentials  the base credentials: the default chain or explicit keys
 * @param roles        the account's plan and apply roles, assumed through STS; empty = base credentials
 * @param pollInitial  the first wait before asking for the build's status
 * @param pollMax      the longest wait between two status polls (backoff doubles up to it, with jitter)
 * @param callTimeout  the limit of one AWS call, the SDK's retries included
 * @param maxAttempts  the SDK's attempts per AWS call (throttling and 5xx answers are retried)
 */
public record CodeBuildSettings(
        String project,
        String region,
        Optional<URI> endpoint,
        String bucket,
        String prefix,
        CredentialsSource credentials,
        Optional<AccountRoles> roles,
        Duration pollInitial,
        Duration pollMax,
        Duration callTimeout,
        int maxAttempts) {

    private static final Pattern PROJECT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{1,254}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern PREFIX = Pattern.compile("([A-Za-z0-9!_.*'()-]+(/[A-Za-z0-9!_.*'()-]+)*)?");

    public CodeBuildSettings {
        check(project != null && PROJECT.matcher(project).matches(), "project",
                project, "2-255 letters, digits, '-' or '_', starting with a letter or digit");
        check(region != null && REGION.matcher(region).matches(), "region", region, "like us-east-1");
        Objects.requireNonNull(endpoint, "endpoint");
        endpoint.ifPresent(uri -> check(
                ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null,
                "endpoint", uri, "an http or https URL with a host"));
        check(bucket != null && BUCKET.matcher(bucket).matches() && !bucket.contains(".."), "bucket",
                bucket, "3-63 lowercase letters, digits, '.' or '-'");
        check(prefix != null && PREFIX.matcher(prefix).matches(), "prefix", prefix,
                "empty, or key segments of letters, digits and !_.*'()- separated by single '/', "
                        + "no leading or trailing '/'");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(roles, "roles");
        check(positive(pollInitial), "pollInitial", pollInitial, "a positive duration");
        check(positive(pollMax) && pollMax.compareTo(pollInitial) >= 0, "pollMax", pollMax,
                "a duration not shorter than pollInitial (" + pollInitial + ")");
        check(positive(callTimeout), "callTimeout", callTimeout, "a positive duration");
        check(maxAttempts >= 1 && maxAttempts <= 10, "maxAttempts", maxAttempts, "1 to 10");
    }

    /**
     * Settings with the default credentials chain, no roles, polls from 5 seconds up to 30 seconds,
     * one-minute calls and three attempts per call.
     */
    public static CodeBuildSettings of(String project, String region, String bucket, String prefix) {
        return new CodeBuildSettings(project, region, Optional.empty(), bucket, prefix,
                new CredentialsSource.DefaultChain(), Optional.empty(), Duration.ofSeconds(5),
                Duration.ofSeconds(30), Duration.ofMinutes(1), 3);
    }

    /** These settings talking to {@code uri} instead of AWS. */
    public CodeBuildSettings withEndpoint(URI uri) {
        return new CodeBuildSettings(project, region, Optional.of(uri), bucket, prefix, credentials, roles,
                pollInitial, pollMax, callTimeout, maxAttempts);
    }

    /** These settings with other base credentials. */
    public CodeBuildSettings withCredentials(CredentialsSource source) {
        return new CodeBuildSettings(project, region, endpoint, bucket, prefix, source, roles,
                pollInitial, pollMax, callTimeout, maxAttempts);
    }

    /** These settings assuming {@code accountRoles} for plans and applies. */
    public CodeBuildSettings withRoles(AccountRoles accountRoles) {
        return new CodeBuildSettings(project, region, endpoint, bucket, prefix, credentials,
                Optional.of(accountRoles), pollInitial, pollMax, callTimeout, maxAttempts);
    }

    /** These settings with other poll bounds, call timeout and attempts per call. */
    public CodeBuildSettings withTiming(Duration initial, Duration max, Duration call, int attempts) {
        return new CodeBuildSettings(project, region, endpoint, bucket, prefix, credentials, roles,
                initial, max, call, attempts);
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }

    private static void check(boolean ok, String setting, Object value, String expected) {
        if (!ok) {
            throw new IllegalArgumentException(
                    "codebuild setting " + setting + " = '" + value + "' is invalid: expected " + expected);
        }
    }
}
