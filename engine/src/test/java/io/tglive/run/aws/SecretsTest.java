package io.tglive.run.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void everyKnownSecretIsMaskedWhereverItAppears() {
        Secrets secrets = new Secrets();
        secrets.add("wJalrXUtnFEMI/K7MDENG");
        secrets.add("FwoGZXIvYXdzEXAMPLE");

        assertThat(secrets.redact("key=wJalrXUtnFEMI/K7MDENG token=FwoGZXIvYXdzEXAMPLE again wJalrXUtnFEMI/K7MDENG"))
                .isEqualTo("key=**** token=**** again ****");
        assertThat(secrets.redact(null)).isNull();
    }

    @Test
    void shortStringsAreNotTreatedAsSecretsSoOrdinaryTextSurvives() {
        Secrets secrets = new Secrets();
        secrets.add("test");
        secrets.add(null);

        assertThat(secrets.redact("a test line")).isEqualTo("a test line");
    }

    @Test
    void roleSessionNamesAreCleanedToWhatStsAccepts() {
        assertThat(RoleCredentials.sessionName("tglive-run 2026/11/30")).isEqualTo("tglive-run-2026-11-30");
        assertThat(RoleCredentials.sessionName("x")).isEqualTo("tglive-x");
        assertThat(RoleCredentials.sessionName("r".repeat(100))).hasSize(64);
    }
}
