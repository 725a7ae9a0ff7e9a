package io.tglive.run.codebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(30), new SplittableRandom(42));

    @Test
    void eachWaitLiesBetweenHalfAndAllOfTheDoubledDelayCappedAtTheMaximum() {
        long[] full = {2, 4, 8, 16, 30, 30, 30};
        for (int attempt = 0; attempt < full.length; attempt++) {
            for (int sample = 0; sample < 200; sample++) {
                assertThat(backoff.delay(attempt)).isBetween(Duration.ofSeconds(full[attempt]).dividedBy(2),
                        Duration.ofSeconds(full[attempt]));
            }
        }
    }

    @Test
    void waitsAreJitteredSoParallelRunnersDoNotPollInLockstep() {
        Set<Duration> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            seen.add(backoff.delay(3));
        }
        assertThat(seen).hasSizeGreaterThan(40);
    }

    @Test
    void veryLateAttemptsDoNotOverflowPastTheMaximum() {
        assertThat(backoff.delay(1_000)).isLessThanOrEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delay(63)).isGreaterThanOrEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void theCodeBuildBackstopTimeoutIsTheCommandsRoundedUpWithinCodeBuildsLimits() {
        assertThat(CodeBuildRunner.buildMinutes(Duration.ofMinutes(42))).isEqualTo(42);
        assertThat(CodeBuildRunner.buildMinutes(Duration.ofSeconds(61))).isEqualTo(5);
        assertThat(CodeBuildRunner.buildMinutes(Duration.ofMinutes(30).plusSeconds(1))).isEqualTo(31);
        assertThat(CodeBuildRunner.buildMinutes(Duration.ofDays(3))).isEqualTo(2160);
    }
}
