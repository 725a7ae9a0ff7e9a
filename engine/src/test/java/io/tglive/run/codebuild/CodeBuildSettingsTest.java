package io.tglive.run.codebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tglive.run.aws.AccountRoles;
import io.tglive.run.aws.CredentialsSource;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CodeBuildSettingsTest {

    private static final CodeBuildSettings GOOD = CodeBuildSettings.of("tglive-units", "eu-west-1", "acme-tglive", "ci/plans");

    @Test
    void defaultsAreTheDefaultChainNoRolesAndPollsFromFiveToThirtySeconds() {
        assertThat(GOOD.credentials()).isInstanceOf(CredentialsSource.DefaultChain.class);
        assertThat(GOOD.roles()).isEmpty();
        assertThat(GOOD.endpoint()).isEmpty();
        assertThat(GOOD.pollInitial()).isEqualTo(Duration.ofSeconds(5));
        assertThat(GOOD.pollMax()).isEqualTo(Duration.ofSeconds(30));
        assertThat(CodeBuildSettings.of("p1", "us-gov-west-1", "b.c-d", "").prefix()).isEmpty();
    }

    @Test
    void eachInvalidSettingIsNamedWithWhatWasExpected() {
        assertThatThrownBy(() -> CodeBuildSettings.of("-bad", "eu-west-1", "acme", ""))
                .hasMessageStartingWith("codebuild setting project = '-bad' is invalid: expected 2-255 letters");
        assertThatThrownBy(() -> CodeBuildSettings.of("p1", "Europe", "acme", ""))
                .hasMessage("codebuild setting region = 'Europe' is invalid: expected like us-east-1");
        assertThatThrownBy(() -> CodeBuildSettings.of("p1", "eu-west-1", "Acme_Bucket", ""))
                .hasMessageStartingWith("codebuild setting bucket = 'Acme_Bucket' is invalid");
        assertThatThrownBy(() -> CodeBuildSettings.of("p1", "eu-west-1", "acme", "/ci/"))
                .hasMessageStartingWith("codebuild setting prefix = '/ci/' is invalid");
        assertThatThrownBy(() -> CodeBuildSettings.of("p1", "eu-west-1", "acme", "ci//x"))
                .hasMessageStartingWith("codebuild setting prefix = 'ci//x' is invalid");
        assertThatThrownBy(() -> GOOD.withEndpoint(URI.create("localhost:5000")))
                .hasMessageStartingWith("codebuild setting endpoint = 'localhost:5000' is invalid: expected an http");
        assertThatThrownBy(() -> GOOD.withTiming(Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofMinutes(1), 3))
                .hasMessage("codebuild setting pollMax = 'PT5S' is invalid: expected a duration not shorter than"
                        + " pollInitial (PT10S)");
        assertThatThrownBy(() -> GOOD.withTiming(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(1), 3))
                .hasMessageStartingWith("codebuild setting pollInitial = 'PT0S' is invalid");
        assertThatThrownBy(() -> GOOD.withTiming(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMinutes(1), 0))
                .hasMessage("codebuild setting maxAttempts = '0' is invalid: expected 1 to 10");
    }

    @Test
    void thePlanRoleAndTheApplyRoleMustDifferSoPlansNeverRunWithTheApplyRole() {
        String arn = "arn:aws:iam::111111111111:role/deploy";
        assertThatThrownBy(() -> new AccountRoles(arn, arn))
                .hasMessageContaining("the plan role and the apply role are the same")
                .hasMessageContaining("plans must never run with the apply role");
        assertThatThrownBy(() -> new AccountRoles("deploy", arn))
                .hasMessageStartingWith("plan role 'deploy' is not an IAM role ARN");
        assertThatThrownBy(() -> new AccountRoles(arn, "arn:aws:iam::111111111111:role/apply", Optional.empty(),
                Duration.ofMinutes(5))).hasMessageContaining("outside 15 minutes to 12 hours");
    }

    @Test
    void staticKeysNeverShowTheirSecretsAndRefuseEmptyOnes() {
        CredentialsSource.StaticKeys keys = new CredentialsSource.StaticKeys("AKIAEXAMPLE", "wJalrXUtnFEMI/K7MDENG",
                Optional.of("FwoGZXIvYXdzEXAMPLETOKEN"));
        assertThat(keys.toString()).contains("AKIAEXAMPLE").doesNotContain("wJalrXUtnFEMI", "FwoGZXIv");
        assertThat(GOOD.withCredentials(keys).toString()).doesNotContain("wJalrXUtnFEMI", "FwoGZXIv");
        assertThatThrownBy(() -> new CredentialsSource.StaticKeys("AKIAEXAMPLE", " ", Optional.empty()))
                .hasMessage("static AWS credentials: the secret access key of AKIAEXAMPLE is empty");
    }
}
