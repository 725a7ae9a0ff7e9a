package io.tglive.run.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * How every AWS client of a runner connects: region, an optional endpoint override (local test
 * endpoints), one shared HTTP client, a time limit per call and the SDK's attempts per call.
 *
 * @param region      the region the clients sign for and talk to
 * @param endpoint    replaces every service's endpoint when present (moto, a stand-in)
 * @param http        the HTTP client all clients share (the JDK's {@code HttpURLConnection})
 * @param callTimeout the limit of one call, retries included
 * @param maxAttempts the SDK's attempts per call, the first included
 */
public record AwsConnection(Region region, Optional<URI> endpoint, SdkHttpClient http, Duration callTimeout,
        int maxAttempts) {

    public AwsConnection {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(callTimeout, "callTimeout");
    }

    /** {@code builder} set up with this connection's region, endpoint, HTTP client, timeout and retries. */
    public <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        builder.region(region);
        endpoint.ifPresent(builder::endpointOverride);
        builder.overrideConfiguration(ClientOverrideConfiguration.builder()
                .apiCallTimeout(callTimeout)
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(maxAttempts).build())
                .build());
        return builder;
    }
}
