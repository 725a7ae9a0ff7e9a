package io.tglive.run.codebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tglive.run.CommandKind;
import io.tglive.run.CommandSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the script of the generated buildspec with the real bash, sha256sum and base64, as a build
 * would, in a checkout made by the test. The AWS CLI is replaced by a stand-in that maps
 * {@code s3://bucket/key} to a local directory, so the test sees exactly what the script uploads.
 */
class BuildspecScriptTest {

    private static final String UUID = "5d1f2c3b-0000-4000-8000-000000000001";
    private static final String STAND_IN_AWS = """
            #!/usr/bin/env bash
            # Stand-in for the AWS CLI: "aws s3 cp [--flags] SRC DST", s3://bucket/key lives under $FAKE_S3.
            [ "$1" = s3 ] && [ "$2" = cp ] || { echo "stand-in aws: unsupported: $*" >&2; exit 2; }
            shift 2
            args=()
            for a in "$@"; do case "$a" in --*) ;; *) args+=("$a") ;; esac; done
            map() { case "$1" in s3://*) echo "$FAKE_S3/${1#s3://}" ;; *) echo "$1" ;; esac; }
            dst="$(map "${args[1]}")"
            if [ "${args[0]}" = - ]; then mkdir -p "$(dirname "$dst")"; cat > "$dst"; exit 0; fi
            src="$(map "${args[0]}")"
            [ -f "$src" ] || { echo "fatal error: An error occurred (404) when calling the HeadObject operation" >&2; exit 1; }
            mkdir -p "$(dirname "$dst")"
            cp "$src" "$dst"
            """;

    @TempDir
    Path dir;

    private Path s3;
    private Path bin;
    private final Path localPlan = Path.of("/controller/run-1/live/dev/app/plan.tfplan");

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is needed to run the buildspec script");
        s3 = Files.createDirectories(dir.resolve("s3"));
        Files.createDirectories(dir.resolve("src/live/dev/app"));
        bin = Files.createDirectories(dir.resolve("bin"));
        Path aws = bin.resolve("aws");
        Files.writeString(aws, STAND_IN_AWS);
        Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void aPlanWithChangesUploadsItsStdoutItsPlanFileByHashAndItsExitCodeAndExitsWithIt() throws Exception {
        CommandSpec plan = spec(CommandKind.PLAN, List.of("sh", "-c",
                "printf 'plan bytes' > \"${1#-out=}\"; echo 'Plan: 1 to add'; echo 'a warning' >&2; exit 2",
                "sh", "-out=" + localPlan));

        Run run = run(plan, Map.of());

        String sha = PlanFiles.sha256("plan bytes".getBytes(StandardCharsets.UTF_8));
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.output()).contains("Plan: 1 to add", "a warning");
        assertThat(read("builds/" + UUID + "/stdout")).isEqualTo("Plan: 1 to add\n");
        assertThat(read("builds/" + UUID + "/exit-code")).isEqualTo("2");
        assertThat(read("builds/" + UUID + "/plan.sha256")).isEqualTo(sha);
        assertThat(read("plans/" + sha + ".tfplan")).isEqualTo("plan bytes");
    }

    @Test
    void aFailedPlanRecordsItsExitCodeButNoPlanFile() throws Exception {
        Run run = run(spec(CommandKind.PLAN, List.of("sh", "-c", "echo 'Error: boom' >&2; exit 1", "sh",
                "-out=" + localPlan)), Map.of());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(read("builds/" + UUID + "/exit-code")).isEqualTo("1");
        assertThat(s3.resolve("bucket/ci/run-1/live/dev/app/builds/" + UUID + "/plan.sha256")).doesNotExist();
    }

    @Test
    void anApplyRunsOnlyThePlanFileWhoseHashIsTheApprovedOne() throws Exception {
        String sha = PlanFiles.sha256("approved".getBytes(StandardCharsets.UTF_8));
        write("plans/" + sha + ".tfplan", "approved");
        CommandSpec apply = spec(CommandKind.APPLY, List.of("sh", "-c", "echo applying \"$(cat \"$1\")\"", "sh",
                localPlan.toString()));

        Run run = run(apply, Map.of("TGLIVE_PLAN_SHA256", sha));

        assertThat(run.exit()).isZero();
        assertThat(read("builds/" + UUID + "/stdout")).isEqualTo("applying approved\n");
        assertThat(read("builds/" + UUID + "/exit-code")).isEqualTo("0");
    }

    @Test
    void anApplyWhosePlanFileWasAlteredIsRefusedWithoutRunningTheCommand() throws Exception {
        String sha = PlanFiles.sha256("approved".getBytes(StandardCharsets.UTF_8));
        write("plans/" + sha + ".tfplan", "altered");
        Path marker = dir.resolve("applied");
        CommandSpec apply = spec(CommandKind.APPLY, List.of("touch", marker.toString(), localPlan.toString()));

        Run run = run(apply, Map.of("TGLIVE_PLAN_SHA256", sha));

        assertThat(run.exit()).isEqualTo(3);
        assertThat(marker).doesNotExist();
        assertThat(read("builds/" + UUID + "/not-run")).contains("not the approved " + sha, "refused");
        assertThat(s3.resolve("bucket/ci/run-1/live/dev/app/builds/" + UUID + "/exit-code")).doesNotExist();
    }

    @Test
    void anApplyWhosePlanFileIsMissingIsRefused() throws Exception {
        String sha = PlanFiles.sha256("never uploaded".getBytes(StandardCharsets.UTF_8));

        Run run = run(spec(CommandKind.APPLY, List.of("true", localPlan.toString())), Map.of("TGLIVE_PLAN_SHA256", sha));

        assertThat(run.exit()).isEqualTo(3);
        assertThat(read("builds/" + UUID + "/not-run")).contains("cannot download the plan file");
    }

    @Test
    void aShowsJsonGoesToS3OnlyNeverToTheBuildLog() throws Exception {
        String sha = PlanFiles.sha256("p".getBytes(StandardCharsets.UTF_8));
        write("plans/" + sha + ".tfplan", "p");

        Run run = run(spec(CommandKind.SHOW, List.of("echo", "{\"sensitive\":\"value\"}")), Map.of("TGLIVE_PLAN_SHA256", sha));

        assertThat(run.exit()).isZero();
        assertThat(read("builds/" + UUID + "/stdout")).isEqualTo("{\"sensitive\":\"value\"}\n");
        assertThat(run.output()).doesNotContain("sensitive");
    }

    @Test
    void aUnitMissingAtTheRevisionIsRecordedAsNotRun() throws Exception {
        CommandSpec spec = new CommandSpec("live/dev/gone", CommandKind.QUERY, List.of("true"), Map.of(), "abc123",
                dir.resolve("src/live/dev/gone"), Optional.empty(), Duration.ofMinutes(1));

        Run run = run(spec, Map.of("TGLIVE_EXCHANGE", "s3://bucket/ci/run-1/live/dev/app"));

        assertThat(run.exit()).isEqualTo(3);
        assertThat(read("builds/" + UUID + "/not-run")).contains("unit directory live/dev/gone does not exist at revision abc123");
    }

    @Test
    void argumentsWithQuotesAndSpacesReachTheCommandUnchanged() throws Exception {
        String odd = "it's \"quoted\" $HOME `x` ; rm -rf /";
        Run run = run(spec(CommandKind.QUERY, List.of("printf", "%s", odd)), Map.of());

        assertThat(run.exit()).isZero();
        assertThat(read("builds/" + UUID + "/stdout")).isEqualTo(odd);
    }

    private CommandSpec spec(CommandKind kind, List<String> argv) {
        return new CommandSpec("live/dev/app", kind, argv, Map.of(), "abc123", dir.resolve("src/live/dev/app"),
                Optional.of(localPlan), Duration.ofMinutes(1));
    }

    private record Run(int exit, String output) {
    }

    private Run run(CommandSpec spec, Map<String, String> extra) throws Exception {
        Path script = dir.resolve("command.sh");
        Files.writeString(script, Buildspec.script(spec));
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", script.toString()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("PATH", bin + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("FAKE_S3", s3.toString());
        env.put("CODEBUILD_BUILD_ID", "tglive-units:" + UUID);
        env.put("CODEBUILD_SRC_DIR", dir.resolve("src").toString());
        env.put("TGLIVE_UNIT", spec.unit());
        env.put("TGLIVE_REVISION", spec.revision());
        env.put("TGLIVE_EXCHANGE", "s3://bucket/ci/run-1/live/dev/app");
        env.putAll(extra);
        Process process = pb.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private String read(String key) throws IOException {
        return Files.readString(s3.resolve("bucket/ci/run-1/live/dev/app/" + key));
    }

    private void write(String key, String text) throws IOException {
        Path file = s3.resolve("bucket/ci/run-1/live/dev/app/" + key);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
