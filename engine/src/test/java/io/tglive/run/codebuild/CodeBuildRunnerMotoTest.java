package io.tglive.run.codebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tglive.run.CommandKind;
import io.tglive.run.CommandResult;
import io.tglive.run.CommandSpec;
import io.tglive.run.RunnerException;
import io.tglive.run.aws.AccountRoles;
import io.tglive.run.aws.CredentialsSource;
import io.tglive.run.aws.Secrets;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.ArtifactsType;
import software.amazon.awssdk.services.codebuild.model.ComputeType;
import software.amazon.awssdk.services.codebuild.model.EnvironmentType;
import software.amazon.awssdk.services.codebuild.model.SourceType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The CodeBuild runner with the real AWS SDK against a real moto server: CodeBuild projects and builds,
 * S3, STS and CloudWatch Logs. moto's builds do nothing (every build reports SUCCEEDED at the first
 * poll and writes no logs), so the test plays the build's part while the runner waits: it writes the
 * log events and the S3 records a real build's buildspec would write.
 */
class CodeBuildRunnerMotoTest {

    private static final String PROJECT = "tglive-units";
    private static final String BUCKET = "tglive-plans";
    private static final String FOLDER = "ci/run-7/live/dev/app";
    private static final Region REGION = Region.US_EAST_1;

    private static MotoServer moto;

    @TempDir
    Path dir;

    private final VirtualPacer pacer = new VirtualPacer();
    private final List<String> log = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startMoto(@TempDir Path logs) throws Exception {
        moto = MotoServer.start(logs.resolve("moto.log"));
    }

    @AfterAll
    static void stopMoto() {
        if (moto != null) {
            moto.close();
        }
    }

    @BeforeEach
    void resetMoto() throws Exception {
        moto.reset();
        s3(base()).createBucket(r -> r.bucket(BUCKET));
    }

    @Test
    void aPlanItsShowAndItsApplyCarryThePlanFileThroughS3ByItsHash() throws Exception {
        CodeBuildClient codeBuild = codeBuild(base());
        createProject(codeBuild, "123456789012");
        byte[] planBytes = "binary plan \u0000\u0001 bytes".getBytes(StandardCharsets.UTF_8);
        String sha = PlanFiles.sha256(planBytes);
        S3Client s3 = s3(base());
        CloudWatchLogsClient logs = logs(base());
        List<String> builds = new ArrayList<>();
        pacer.onSleep(onNewBuild(codeBuild, id -> {
            builds.add(id);
            String uuid = id.substring(id.indexOf(':') + 1);
            switch (builds.size()) {
                case 1 -> {
                    seedLog(logs, uuid, "Initializing the backend...", "Plan: 1 to add, 0 to change, 0 to destroy.");
                    put(s3, FOLDER + "/plans/" + sha + ".tfplan", planBytes);
                    put(s3, FOLDER + "/builds/" + uuid + "/plan.sha256", sha.getBytes(StandardCharsets.UTF_8));
                    record(s3, uuid, "Plan: 1 to add\n", 0);
                }
                case 2 -> {
                    assertThat(exists(s3, FOLDER + "/plans/" + sha + ".tfplan")).isTrue();
                    record(s3, uuid, "{\"format_version\":\"1.2\",\"resource_changes\":[]}", 0);
                }
                default -> {
                    seedLog(logs, uuid, "Apply complete! Resources: 1 added, 0 changed, 0 destroyed.");
                    record(s3, uuid, "Apply complete!\n", 0);
                }
            }
        }));
        Path planFile = dir.resolve("run/live/dev/app/plan.tfplan");

        try (CodeBuildRunner runner = runner(settings())) {
            CommandResult plan = runner.run(spec(CommandKind.PLAN, "head-sha", List.of("terragrunt", "plan",
                    "-input=false", "-out=" + planFile)), log::add);
            assertThat(plan.exitCode()).isZero();
            assertThat(plan.stdout()).isEqualTo("Plan: 1 to add\n");
            assertThat(Files.readAllBytes(planFile)).isEqualTo(planBytes);

            CommandResult show = runner.run(spec(CommandKind.SHOW, "head-sha", List.of("terragrunt", "show", "-json",
                    planFile.toString())), log::add);
            assertThat(show.stdout()).startsWith("{\"format_version\"");

            CommandResult apply = runner.run(spec(CommandKind.APPLY, "head-sha", List.of("terragrunt", "apply",
                    planFile.toString())), log::add);
            assertThat(apply.exitCode()).isZero();
        }

        assertThat(builds).hasSize(3);
        assertThat(codeBuild.batchGetBuilds(r -> r.ids(builds)).builds())
                .allSatisfy(b -> assertThat(b.sourceVersion()).isEqualTo("head-sha"));
        assertThat(log).containsSubsequence("Initializing the backend...",
                "Plan: 1 to add, 0 to change, 0 to destroy.",
                "Apply complete! Resources: 1 added, 0 changed, 0 destroyed.");
    }

    @Test
    void theBuildChecksOutTheRevisionTheCommandNamesSuchAsTheBaseForDestroys() throws Exception {
        CodeBuildClient codeBuild = codeBuild(base());
        createProject(codeBuild, "123456789012");
        S3Client s3 = s3(base());
        pacer.onSleep(onNewBuild(codeBuild, id -> record(s3, id.substring(id.indexOf(':') + 1), "", 0)));

        try (CodeBuildRunner runner = runner(settings())) {
            runner.run(spec(CommandKind.QUERY, "base-sha", List.of("terragrunt", "output", "-json")), log::add);
        }

        assertThat(codeBuild.listBuildsForProject(r -> r.projectName(PROJECT)).ids())
                .singleElement()
                .satisfies(id -> assertThat(codeBuild.batchGetBuilds(r -> r.ids(id)).builds().get(0).sourceVersion())
                        .isEqualTo("base-sha"));
    }

    @Test
    void aPlanFileAlteredInS3IsRefusedAndNeverWrittenLocally() throws Exception {
        CodeBuildClient codeBuild = codeBuild(base());
        createProject(codeBuild, "123456789012");
        S3Client s3 = s3(base());
        String sha = PlanFiles.sha256("the plan the build made".getBytes(StandardCharsets.UTF_8));
        pacer.onSleep(onNewBuild(codeBuild, id -> {
            String uuid = id.substring(id.indexOf(':') + 1);
            put(s3, FOLDER + "/plans/" + sha + ".tfplan", "a plan someone swapped in".getBytes(StandardCharsets.UTF_8));
            put(s3, FOLDER + "/builds/" + uuid + "/plan.sha256", sha.getBytes(StandardCharsets.UTF_8));
            record(s3, uuid, "", 0);
        }));
        Path planFile = dir.resolve("run/live/dev/app/plan.tfplan");

        RunnerException e;
        try (CodeBuildRunner runner = runner(settings())) {
            e = catchThrowableOfType(RunnerException.class, () -> runner.run(spec(CommandKind.PLAN, "head-sha",
                    List.of("terragrunt", "plan", "-out=" + planFile)), log::add));
        }

        assertThat(e.isTransient()).isFalse();
        assertThat(e.getMessage()).contains("s3://" + BUCKET + "/" + FOLDER + "/plans/" + sha + ".tfplan",
                "not the " + sha + " its plan build recorded", "refused");
        assertThat(planFile).doesNotExist();
    }

    @Test
    void plansRunWithThePlanRoleAndAppliesWithTheApplyRoleAssumedThroughMotoSts() throws Exception {
        AccountRoles roles = new AccountRoles("arn:aws:iam::111111111111:role/tglive-plan",
                "arn:aws:iam::222222222222:role/tglive-apply");
        CodeBuildClient planAccount = codeBuild(assumed(roles.planRoleArn()));
        CodeBuildClient applyAccount = codeBuild(assumed(roles.applyRoleArn()));
        createProject(planAccount, "111111111111");
        createProject(applyAccount, "222222222222");
        S3Client s3 = s3(base());
        Consumer<String> succeed = id -> record(s3, id.substring(id.indexOf(':') + 1), "", 0);
        VirtualPacer.Hook plans = onNewBuild(planAccount, succeed);
        VirtualPacer.Hook applies = onNewBuild(applyAccount, succeed);
        pacer.onSleep(i -> {
            plans.during(i);
            applies.during(i);
        });
        Path planFile = dir.resolve("run/live/dev/app/plan.tfplan");
        Files.createDirectories(planFile.getParent());
        Files.writeString(planFile, "approved plan");

        try (CodeBuildRunner runner = runner(settings().withRoles(roles))) {
            runner.run(spec(CommandKind.QUERY, "head-sha", List.of("terragrunt", "output", "-json")), log::add);
            assertThat(planAccount.listBuildsForProject(r -> r.projectName(PROJECT)).ids()).hasSize(1);
            assertThat(applyAccount.listBuildsForProject(r -> r.projectName(PROJECT)).ids()).isEmpty();

            runner.run(spec(CommandKind.APPLY, "head-sha", List.of("terragrunt", "apply", planFile.toString())), log::add);
            assertThat(planAccount.listBuildsForProject(r -> r.projectName(PROJECT)).ids()).hasSize(1);
            assertThat(applyAccount.listBuildsForProject(r -> r.projectName(PROJECT)).ids()).hasSize(1);
        }
        assertThat(log).anyMatch(l -> l.contains("as " + roles.planRoleArn()))
                .anyMatch(l -> l.contains("as " + roles.applyRoleArn()));
    }

    @Test
    void aProjectThatDoesNotExistIsAPermanentErrorNamingIt() {
        RunnerException e;
        try (CodeBuildRunner runner = runner(settings())) {
            e = catchThrowableOfType(RunnerException.class, () -> runner.run(
                    spec(CommandKind.QUERY, "head-sha", List.of("terragrunt", "output", "-json")), log::add));
        }

        assertThat(e.isTransient()).isFalse();
        assertThat(e.getMessage()).contains("cannot start the CodeBuild build for query of live/dev/app",
                "project " + PROJECT, "ResourceNotFoundException");
    }

    private CodeBuildSettings settings() {
        return CodeBuildSettings.of(PROJECT, REGION.id(), BUCKET, "ci")
                .withEndpoint(moto.endpoint())
                .withCredentials(new CredentialsSource.StaticKeys("testing", "testing-secret", Optional.empty()))
                .withTiming(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(60), 3);
    }

    private CodeBuildRunner runner(CodeBuildSettings settings) {
        return new CodeBuildRunner(settings, "run-7", pacer, new SplittableRandom(3), new Secrets());
    }

    private CommandSpec spec(CommandKind kind, String revision, List<String> argv) {
        return new CommandSpec("live/dev/app", kind, argv, Map.of(), revision, dir.resolve("checkout/live/dev/app"),
                Optional.of(dir.resolve("run/live/dev/app/plan.tfplan")), Duration.ofMinutes(30));
    }

    /** A pacer hook that hands each build the project has not had before to {@code behaviour}. */
    private static VirtualPacer.Hook onNewBuild(CodeBuildClient codeBuild, Consumer<String> behaviour) {
        Set<String> seen = new HashSet<>();
        return index -> {
            for (String id : codeBuild.listBuildsForProject(r -> r.projectName(PROJECT)).ids()) {
                if (seen.add(id)) {
                    behaviour.accept(id);
                }
            }
        };
    }

    /** What the buildspec writes at the end of a build: stdout, then the exit code. */
    private static void record(S3Client s3, String uuid, String stdout, int exitCode) {
        put(s3, FOLDER + "/builds/" + uuid + "/stdout", stdout.getBytes(StandardCharsets.UTF_8));
        put(s3, FOLDER + "/builds/" + uuid + "/exit-code", String.valueOf(exitCode).getBytes(StandardCharsets.UTF_8));
    }

    private static void put(S3Client s3, String key, byte[] bytes) {
        s3.putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromBytes(bytes));
    }

    private static boolean exists(S3Client s3, String key) {
        return s3.listObjectsV2(r -> r.bucket(BUCKET).prefix(key)).keyCount() == 1;
    }

    private static void seedLog(CloudWatchLogsClient logs, String stream, String... lines) {
        String group = "/aws/codebuild/" + PROJECT;
        try {
            logs.createLogGroup(r -> r.logGroupName(group));
        } catch (ResourceAlreadyExistsException exists) {
            // a previous build made it
        }
        logs.createLogStream(r -> r.logGroupName(group).logStreamName(stream));
        long now = Instant.now().toEpochMilli();
        List<InputLogEvent> events = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            events.add(InputLogEvent.builder().timestamp(now + i).message(lines[i] + "\n").build());
        }
        logs.putLogEvents(r -> r.logGroupName(group).logStreamName(stream).logEvents(events));
    }

    private static void createProject(CodeBuildClient codeBuild, String account) {
        codeBuild.createProject(r -> r.name(PROJECT)
                .source(s -> s.type(SourceType.GITHUB).location("https://github.com/example/live.git"))
                .artifacts(a -> a.type(ArtifactsType.NO_ARTIFACTS))
                .environment(e -> e.type(EnvironmentType.LINUX_CONTAINER).image("aws/codebuild/standard:7.0")
                        .computeType(ComputeType.BUILD_GENERAL1_SMALL))
                .serviceRole("arn:aws:iam::" + account + ":role/tglive-codebuild"));
    }

    private static AwsCredentialsProvider base() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing-secret"));
    }

    private static AwsCredentialsProvider assumed(String role) {
        try (StsClient sts = StsClient.builder().region(REGION).endpointOverride(moto.endpoint())
                .credentialsProvider(base()).build()) {
            Credentials c = sts.assumeRole(r -> r.roleArn(role).roleSessionName("test")).credentials();
            return StaticCredentialsProvider.create(
                    AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
        }
    }

    private static CodeBuildClient codeBuild(AwsCredentialsProvider credentials) {
        return CodeBuildClient.builder().region(REGION).endpointOverride(endpoint()).credentialsProvider(credentials)
                .build();
    }

    private static S3Client s3(AwsCredentialsProvider credentials) {
        return S3Client.builder().region(REGION).endpointOverride(endpoint()).forcePathStyle(true)
                .credentialsProvider(credentials).build();
    }

    private static CloudWatchLogsClient logs(AwsCredentialsProvider credentials) {
        return CloudWatchLogsClient.builder().region(REGION).endpointOverride(endpoint())
                .credentialsProvider(credentials).build();
    }

    private static URI endpoint() {
        return moto.endpoint();
    }
}
