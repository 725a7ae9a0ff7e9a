package io.tglive.run.codebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.tglive.run.CommandKind;
import io.tglive.run.CommandResult;
import io.tglive.run.CommandSpec;
import io.tglive.run.RunnerException;
import io.tglive.run.aws.AccountRoles;
import io.tglive.run.aws.CredentialsSource;
import io.tglive.run.aws.Secrets;
import io.tglive.run.codebuild.AwsStandIn.Fault;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CodeBuild runner against {@link AwsStandIn}: every terminal status, throttling, 5xx, slow answers, cancel. */
class CodeBuildRunnerStandInTest {

    private static final String BUCKET = "tglive-plans";
    private static final String FOLDER = BUCKET + "/ci/run-1/live/dev/app";
    private static final String BUILD = FOLDER + "/builds/" + AwsStandIn.BUILD_ID.substring(AwsStandIn.BUILD_ID.indexOf(':') + 1);
    private static final String STATIC_SECRET = "static-secret-key-0123456789";

    @TempDir
    Path dir;

    private AwsStandIn aws;
    private final VirtualPacer pacer = new VirtualPacer();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final Secrets secrets = new Secrets();

    @BeforeEach
    void start() throws Exception {
        aws = new AwsStandIn();
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    private CodeBuildSettings settings() {
        return CodeBuildSettings.of("tglive-units", "us-east-1", BUCKET, "ci")
                .withEndpoint(aws.endpoint())
                .withCredentials(new CredentialsSource.StaticKeys("AKIDSTANDIN", STATIC_SECRET, Optional.empty()))
                .withTiming(Duration.ofSeconds(5), Duration.ofSeconds(40), Duration.ofSeconds(30), 1);
    }

    private CodeBuildRunner runner(CodeBuildSettings settings) {
        return new CodeBuildRunner(settings, "run-1", pacer, new SplittableRandom(7), secrets);
    }

    private CommandSpec spec(CommandKind kind, List<String> argv, Duration timeout) {
        return new CommandSpec("live/dev/app", kind, argv, Map.of("TF_IN_AUTOMATION", "1"), "0123abcd",
                dir.resolve("checkout/live/dev/app"), Optional.of(dir.resolve("run/live/dev/app/plan.tfplan")), timeout);
    }

    private CommandSpec plan() {
        return spec(CommandKind.PLAN, List.of("terragrunt", "plan", "-input=false", "-detailed-exitcode",
                "-out=" + dir.resolve("run/live/dev/app/plan.tfplan")), Duration.ofMinutes(30));
    }

    private CommandSpec query() {
        return spec(CommandKind.QUERY, List.of("terragrunt", "output", "-json"), Duration.ofMinutes(30));
    }

    private CommandResult run(CodeBuildSettings settings, CommandSpec spec) throws Exception {
        try (CodeBuildRunner runner = runner(settings)) {
            return runner.run(spec, log::add);
        }
    }

    private RunnerException failure(CommandSpec spec) {
        return catchThrowableOfType(RunnerException.class, () -> run(settings(), spec));
    }

    @Test
    void aBuildInProgressOverSeveralPollsStreamsItsLogInOrderAndReturnsTheCommandsExitCodeAndStdout() throws Exception {
        aws.statuses("IN_PROGRESS", "IN_PROGRESS", "IN_PROGRESS", "SUCCEEDED")
                .logsPerPoll(List.of(List.of("Initializing", "plan line 1", "plan line 2"), List.of(),
                        List.of("plan line 3"), List.of("Plan: 1 to add", "done")))
                .object(BUILD + "/exit-code", "0").object(BUILD + "/stdout", "the plan's stdout\n");

        CommandResult result = run(settings(), spec(CommandKind.QUERY, List.of("terragrunt", "output", "-json"),
                Duration.ofMinutes(30)));

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("the plan's stdout\n");
        assertThat(log).filteredOn(l -> !l.startsWith("[tglive]"))
                .containsExactly("Initializing", "plan line 1", "plan line 2", "plan line 3", "Plan: 1 to add", "done");
        assertThat(aws.requests("BatchGetBuilds")).hasSize(4);
        assertThat(aws.requests("StopBuild")).isEmpty();
    }

    @Test
    void pollsBackOffExponentiallyWithJitterUpToTheConfiguredMaximum() throws Exception {
        aws.statuses("IN_PROGRESS", "IN_PROGRESS", "IN_PROGRESS", "IN_PROGRESS", "IN_PROGRESS", "SUCCEEDED")
                .object(BUILD + "/exit-code", "0").object(BUILD + "/stdout", "");

        run(settings(), spec(CommandKind.QUERY, List.of("terragrunt", "output", "-json"), Duration.ofHours(1)));

        List<Duration> waits = pacer.sleeps();
        assertThat(waits).hasSize(6);
        long[] full = {5, 10, 20, 40, 40, 40};
        for (int i = 0; i < waits.size(); i++) {
            assertThat(waits.get(i)).as("wait %d", i)
                    .isBetween(Duration.ofSeconds(full[i]).dividedBy(2), Duration.ofSeconds(full[i]));
        }
        assertThat(waits.stream().distinct().count()).as("jittered, not identical").isGreaterThan(3);
    }

    @Test
    void startBuildCarriesTheRevisionTheEnvironmentAndABuildspecThatRunsTheCommandInTheUnit() throws Exception {
        aws.object(BUILD + "/exit-code", "0").object(BUILD + "/stdout", "");

        run(settings(), spec(CommandKind.QUERY, List.of("terragrunt", "output", "-json"), Duration.ofMinutes(42)));

        JsonNode start = aws.requests("StartBuild").get(0).json();
        assertThat(start.get("projectName").asText()).isEqualTo("tglive-units");
        assertThat(start.get("sourceVersion").asText()).isEqualTo("0123abcd");
        assertThat(start.get("timeoutInMinutesOverride").asInt()).isEqualTo(42);
        assertThat(start.get("idempotencyToken").asText()).isNotBlank();
        Map<String, String> env = new HashMap<>();
        start.get("environmentVariablesOverride").forEach(v -> {
            assertThat(v.get("type").asText()).isEqualTo("PLAINTEXT");
            env.put(v.get("name").asText(), v.get("value").asText());
        });
        assertThat(env).containsEntry("TGLIVE_RUN", "run-1").containsEntry("TGLIVE_UNIT", "live/dev/app").containsEntry("TGLIVE_COMMAND", "query")
                .containsEntry("TGLIVE_REVISION", "0123abcd").containsEntry("TF_IN_AUTOMATION", "1")
                .containsEntry("TGLIVE_EXCHANGE", "s3://" + FOLDER).doesNotContainKey("TGLIVE_PLAN_SHA256");
        String buildspec = start.get("buildspecOverride").asText();
        String encoded = buildspec.lines().filter(l -> l.contains("base64 -d")).findFirst().orElseThrow()
                .replaceAll(".*echo (\\S+) \\|.*", "$1");
        String script = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        assertThat(script).contains("cd \"$CODEBUILD_SRC_DIR/$TGLIVE_UNIT\"")
                .contains("'terragrunt' 'output' '-json' </dev/null >\"$work/stdout\"");
    }

    @Test
    void aFailedBuildThatRecordedTheCommandsExitCodeIsAResultNotAnError() throws Exception {
        aws.statuses("IN_PROGRESS", "FAILED").failedPhase("BUILD", "FAILED", "exit status 1")
                .object(BUILD + "/exit-code", "1").object(BUILD + "/stdout", "partial output");

        CommandResult result = run(settings(), spec(CommandKind.QUERY, List.of("terragrunt", "output", "-json"),
                Duration.ofMinutes(30)));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).isEqualTo("partial output");
    }

    @Test
    void aFailedBuildWithoutAnExitCodeIsAPermanentErrorNamingThePhase() {
        aws.statuses("FAILED").failedPhase("DOWNLOAD_SOURCE", "FAILED", "reference not found for primary source");

        RunnerException e = failure(plan());

        assertThat(e.isTransient()).isFalse();
        assertThat(e.getMessage()).contains("plan of live/dev/app", AwsStandIn.BUILD_ID,
                "failed in phase DOWNLOAD_SOURCE (reference not found for primary source)", "the command may have run");
    }

    @Test
    void aFaultedBuildIsATransientError() {
        aws.statuses("IN_PROGRESS", "FAULT").failedPhase("PROVISIONING", "FAULT", "internal service error");

        RunnerException e = failure(plan());

        assertThat(e.isTransient()).isTrue();
        assertThat(e.getMessage()).contains("faulted in phase PROVISIONING (internal service error)");
    }

    @Test
    void aBuildStoppedOutsideTheRunnerIsAPermanentError() {
        aws.statuses("IN_PROGRESS", "STOPPED");

        RunnerException e = failure(plan());

        assertThat(e.isTransient()).isFalse();
        assertThat(e.getMessage()).contains("was stopped outside tglive");
    }

    @Test
    void aBuildThatHitTheProjectsTimeoutIsAPermanentError() {
        aws.statuses("IN_PROGRESS", "TIMED_OUT").failedPhase("BUILD", "TIMED_OUT", "build timed out");

        RunnerException e = failure(plan());

        assertThat(e.isTransient()).isFalse();
        assertThat(e.getMessage()).contains("reached the CodeBuild project's build timeout", "in phase BUILD");
    }

    @Test
    void aBuildThatRefusedToRunTheCommandSaysWhy() throws Exception {
        Path planFile = dir.resolve("run/live/dev/app/plan.tfplan");
        Files.createDirectories(planFile.getParent());
        Files.writeString(planFile, "approved plan");
        aws.statuses("FAILED").object(BUILD + "/not-run", "the plan file has SHA-256 1234, not the approved 5678; refused");

        RunnerException e = failure(spec(CommandKind.APPLY, List.of("terragrunt", "apply", planFile.toString()),
                Duration.ofMinutes(30)));

        assertThat(e.isTransient()).isFalse();
        assertThat(e.getMessage()).contains("apply of live/dev/app", "did not run the command",
                "not the approved 5678; refused");
    }

    @Test
    void anApplyUploadsTheApprovedPlanByItsHashAndTellsTheBuildWhichHashToExpect() throws Exception {
        Path planFile = dir.resolve("run/live/dev/app/plan.tfplan");
        Files.createDirectories(planFile.getParent());
        Files.writeString(planFile, "approved plan");
        String sha = PlanFiles.sha256("approved plan".getBytes(StandardCharsets.UTF_8));
        aws.object(BUILD + "/exit-code", "0").object(BUILD + "/stdout", "Apply complete!");

        CommandResult result = run(settings(), spec(CommandKind.APPLY,
                List.of("terragrunt", "apply", "-input=false", planFile.toString()), Duration.ofMinutes(30)));

        assertThat(result.exitCode()).isZero();
        assertThat(aws.object(FOLDER + "/plans/" + sha + ".tfplan")).asString(StandardCharsets.UTF_8)
                .isEqualTo("approved plan");
        JsonNode start = aws.requests("StartBuild").get(0).json();
        assertThat(start.toString()).contains("\"TGLIVE_PLAN_SHA256\"", sha);
        String script = Buildspec.script(spec(CommandKind.APPLY,
                List.of("terragrunt", "apply", "-input=false", planFile.toString()), Duration.ofMinutes(30)));
        assertThat(script).contains("'terragrunt' 'apply' '-input=false' \"$plan\" </dev/null")
                .doesNotContain(planFile.toString());
    }

    @Test
    void aPlanWithChangesBringsItsPlanFileHomeAfterCheckingItsHash() throws Exception {
        byte[] planBytes = {0, 1, 2, (byte) 0xff, 'p', 'l', 'a', 'n'};
        String sha = PlanFiles.sha256(planBytes);
        aws.statuses("IN_PROGRESS", "FAILED").object(BUILD + "/exit-code", "2").object(BUILD + "/stdout", "1 to add")
                .object(BUILD + "/plan.sha256", sha).object(FOLDER + "/plans/" + sha + ".tfplan", planBytes);

        CommandResult result = run(settings(), plan());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(Files.readAllBytes(dir.resolve("run/live/dev/app/plan.tfplan"))).isEqualTo(planBytes);
    }

    @Test
    void aPlanFileWhoseBytesDoNotMatchTheRecordedHashIsRefusedAndNotWritten() {
        String sha = PlanFiles.sha256("the plan the build made".getBytes(StandardCharsets.UTF_8));
        aws.object(BUILD + "/exit-code", "0").object(BUILD + "/stdout", "")
                .object(BUILD + "/plan.sha256", sha).object(FOLDER + "/plans/" + sha + ".tfplan", "something else");

        RunnerException e = failure(plan());

        assertThat(e.isTransient()).isFalse();
        assertThat(e.getMessage()).contains("has SHA-256", "not the " + sha, "refused");
        assertThat(dir.resolve("run/live/dev/app/plan.tfplan")).doesNotExist();
    }

    @Test
    void throttledAnd5xxStatusPollsAreRetriedWithBackoffUntilTheBuildEnds() throws Exception {
        aws.statuses("SUCCEEDED").object(BUILD + "/exit-code", "0").object(BUILD + "/stdout", "ok")
                .fault("BatchGetBuilds", Fault.throttling(), Fault.tooManyRequests(), Fault.unavailable());

        CommandResult result = run(settings(), query());

        assertThat(result.exitCode()).isZero();
        assertThat(aws.requests("BatchGetBuilds")).hasSize(4);
        assertThat(log).anyMatch(l -> l.contains("ThrottlingException") && l.contains("polling again"))
                .anyMatch(l -> l.contains("TooManyRequestsException")).anyMatch(l -> l.contains("HTTP 503"));
    }

    @Test
    void pollsThrottledWithoutEndGiveATransientErrorAndStopTheBuild() {
        aws.alwaysFault("BatchGetBuilds", Fault.throttling());

        RunnerException e = failure(plan());

        assertThat(e.isTransient()).isTrue();
        assertThat(e.getMessage()).contains("lost track of CodeBuild build", "ThrottlingException");
        assertThat(aws.requests("BatchGetBuilds")).hasSize(CodeBuildRunner.MAX_POLL_FAILURES);
        assertThat(aws.requests("StopBuild")).hasSize(1);
    }

    @Test
    void aPollRefusedForGoodIsAPermanentErrorAndStopsTheBuild() {
        aws.alwaysFault("BatchGetBuilds", new Fault(400, "AccessDeniedException", "not authorized to BatchGetBuilds", 0));

        RunnerException e = failure(plan());

        assertThat(e.isTransient()).isFalse();
        assertThat(e.getMessage()).contains("cannot poll CodeBuild build", "AccessDeniedException", "was stopped");
        assertThat(aws.requests("BatchGetBuilds")).hasSize(1);
        assertThat(aws.requests("StopBuild")).hasSize(1);
    }

    @Test
    void aLogThatCannotBeReadIsReportedOnceAndTheBuildStillCompletes() throws Exception {
        aws.statuses("IN_PROGRESS", "IN_PROGRESS", "SUCCEEDED").object(BUILD + "/exit-code", "0")
                .object(BUILD + "/stdout", "ok")
                .alwaysFault("GetLogEvents", new Fault(400, "AccessDeniedException", "no logs:GetLogEvents", 0));

        CommandResult result = run(settings(), query());

        assertThat(result.exitCode()).isZero();
        assertThat(log).filteredOn(l -> l.contains("cannot read the build's log")).singleElement()
                .asString().contains("/aws/codebuild/tglive-units", "AccessDeniedException");
        assertThat(aws.requests("GetLogEvents")).hasSize(1);
    }

    @Test
    void aThrottledStartBuildIsTransientAndTheSdkRetriesItWithTheSameIdempotencyToken() throws Exception {
        aws.fault("StartBuild", Fault.throttling()).object(BUILD + "/exit-code", "0").object(BUILD + "/stdout", "");

        RunnerException e = failure(plan());
        assertThat(e.isTransient()).isTrue();
        assertThat(e.getMessage()).contains("cannot start the CodeBuild build", "ThrottlingException");

        aws.fault("StartBuild", Fault.throttling());
        run(settings().withTiming(Duration.ofSeconds(5), Duration.ofSeconds(40), Duration.ofSeconds(30), 3), query());
        List<AwsStandIn.Request> starts = aws.requests("StartBuild");
        assertThat(starts).hasSize(3);
        assertThat(starts.get(2).json().get("idempotencyToken")).isEqualTo(starts.get(1).json().get("idempotencyToken"));
    }

    @Test
    void aStartBuildThatTimesOutBeforeCodeBuildMadeTheBuildIsATransientError() {
        aws.fault("StartBuild", new Fault(503, "ServiceUnavailableException", "Service unavailable", 2_000));

        RunnerException e = catchThrowableOfType(RunnerException.class, () -> run(settings().withTiming(
                Duration.ofSeconds(5), Duration.ofSeconds(40), Duration.ofMillis(300), 1), plan()));

        assertThat(e.isTransient()).isTrue();
        assertThat(e.getMessage()).contains("cannot start the CodeBuild build").containsIgnoringCase("timeout");
        assertThat(aws.requests("StopBuild")).isEmpty();
    }

    @Test
    void aStartBuildAnswerLostToTheCallTimeoutFollowsTheBuildCodeBuildMadeRatherThanStartingASecond() throws Exception {
        aws.fault("StartBuild", Fault.slow(2_000)).object(BUILD + "/exit-code", "0").object(BUILD + "/stdout", "");

        CommandResult result = run(settings().withTiming(
                Duration.ofSeconds(5), Duration.ofSeconds(40), Duration.ofMillis(300), 1), query());

        assertThat(result.exitCode()).isZero();
        assertThat(aws.requests("StartBuild")).hasSize(1);
        assertThat(aws.requests("StopBuild")).isEmpty();
        assertThat(log).anyMatch(line -> line.contains("StartBuild failed")
                && line.contains("but CodeBuild had made build " + AwsStandIn.BUILD_ID + "; following it"));
    }

    @Test
    void aCancelThatArrivesWhileCodeBuildIsStillAnsweringStartBuildStopsTheBuildItMade() throws Exception {
        aws.fault("StartBuild", Fault.slow(2_000)).statuses("IN_PROGRESS");
        CodeBuildSettings slowStart = settings().withTiming(Duration.ofMillis(20), Duration.ofMillis(40), Duration.ofSeconds(30), 1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try (CodeBuildRunner runner = new CodeBuildRunner(slowStart, "run-1", Pacer.SYSTEM, new SplittableRandom(1), secrets)) {
                runner.run(plan(), log::add);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        worker.start();
        while (aws.requests("StartBuild").isEmpty()) {
            Thread.sleep(5);
        }
        worker.interrupt();
        worker.join(10_000);

        assertThat(worker.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class)
                .hasMessageContaining("CodeBuild build " + AwsStandIn.BUILD_ID + " was stopped");
        assertThat(aws.requests("StopBuild")).extracting(r -> r.json().get("id").asText())
                .containsExactly(AwsStandIn.BUILD_ID);
        JsonNode start = aws.requests("StartBuild").get(0).json();
        assertThat(start.get("environmentVariablesOverride")).anyMatch(v -> "TGLIVE_START".equals(v.get("name").asText())
                && v.get("value").asText().equals(start.get("idempotencyToken").asText()));
    }

    @Test
    void aCommandPastItsTimeoutIsStoppedAndReportedAsAPermanentError() {
        aws.statuses("IN_PROGRESS");

        RunnerException e = failure(spec(CommandKind.PLAN, List.of("terragrunt", "plan"), Duration.ofMinutes(2)));

        assertThat(e.isTransient()).isFalse();
        assertThat(e.getMessage()).contains("did not finish within PT2M", "was stopped");
        assertThat(aws.requests("StopBuild")).hasSize(1);
        Duration waited = pacer.sleeps().stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(waited).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void cancellingWhileWaitingStopsTheBuildAndThrowsInterruptedException() {
        aws.statuses("IN_PROGRESS");
        pacer.interruptAt(2);

        assertThatThrownBy(() -> run(settings(), plan())).isInstanceOf(InterruptedException.class)
                .hasMessageContaining("cancelled").hasMessageContaining(AwsStandIn.BUILD_ID);
        assertThat(aws.requests("StopBuild")).hasSize(1);
        assertThat(aws.requests("StopBuild").get(0).json().get("id").asText()).isEqualTo(AwsStandIn.BUILD_ID);
    }

    @Test
    void interruptingTheRunnersThreadStopsTheBuild() throws Exception {
        aws.statuses("IN_PROGRESS");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        CodeBuildSettings fast = settings().withTiming(Duration.ofMillis(20), Duration.ofMillis(40), Duration.ofSeconds(30), 1);
        Thread worker = new Thread(() -> {
            try (CodeBuildRunner runner = new CodeBuildRunner(fast, "run-1", Pacer.SYSTEM, new SplittableRandom(1), secrets)) {
                runner.run(plan(), log::add);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        worker.start();
        while (aws.requests("BatchGetBuilds").size() < 3) {
            Thread.sleep(10);
        }
        worker.interrupt();
        worker.join(10_000);

        assertThat(worker.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        assertThat(aws.requests("StopBuild")).hasSize(1);
    }

    @Test
    void buildsOfThisRunLeftRunningAreFoundAndStoppedAndNoOthers() throws Exception {
        aws.otherBuild("tglive-units:left-running", "IN_PROGRESS", Map.of("TGLIVE_RUN", "run-1", "TGLIVE_UNIT", "live/a"))
                .otherBuild("tglive-units:other-run", "IN_PROGRESS", Map.of("TGLIVE_RUN", "run-0"))
                .otherBuild("tglive-units:not-ours", "IN_PROGRESS", Map.of())
                .otherBuild("tglive-units:finished", "SUCCEEDED", Map.of("TGLIVE_RUN", "run-1"));

        List<String> stopped;
        try (CodeBuildRunner runner = runner(settings())) {
            stopped = runner.stopLeftoverBuilds(log::add);
        }

        assertThat(stopped).containsExactly("tglive-units:left-running");
        assertThat(aws.requests("StopBuild")).extracting(r -> r.json().get("id").asText())
                .containsExactly("tglive-units:left-running");
        assertThat(aws.requests("ListBuildsForProject").get(0).json().get("sortOrder").asText()).isEqualTo("DESCENDING");
        assertThat(log).contains("[tglive] stopped CodeBuild build tglive-units:left-running");
    }

    @Test
    void plansStartWithThePlanRoleAndAppliesWithTheApplyRoleEachAssumedThroughSts() throws Exception {
        AccountRoles roles = new AccountRoles("arn:aws:iam::111111111111:role/tglive-plan",
                "arn:aws:iam::111111111111:role/tglive-apply");
        Path planFile = dir.resolve("run/live/dev/app/plan.tfplan");
        Files.createDirectories(planFile.getParent());
        Files.writeString(planFile, "approved plan");
        aws.object(BUILD + "/exit-code", "0").object(BUILD + "/stdout", "");

        try (CodeBuildRunner runner = runner(settings().withRoles(roles))) {
            runner.run(spec(CommandKind.SHOW, List.of("terragrunt", "show", "-json", planFile.toString()),
                    Duration.ofMinutes(5)), log::add);
            runner.run(spec(CommandKind.APPLY, List.of("terragrunt", "apply", planFile.toString()),
                    Duration.ofMinutes(5)), log::add);
        }

        assertThat(aws.requests("AssumeRole")).extracting(AwsStandIn.Request::accessKey).containsOnly("AKIDSTANDIN");
        assertThat(aws.requests("AssumeRole")).extracting(r -> r.body())
                .anyMatch(b -> b.contains("tglive-plan")).anyMatch(b -> b.contains("tglive-apply"));
        List<AwsStandIn.Request> starts = aws.requests("StartBuild");
        assertThat(starts).extracting(AwsStandIn.Request::accessKey).containsExactly("ASIATGLIVE-PLAN", "ASIATGLIVE-APPLY");
        assertThat(starts).extracting(r -> r.json().get("serviceRoleOverride").asText())
                .containsExactly(roles.planRoleArn(), roles.applyRoleArn());
        assertThat(aws.requests("BatchGetBuilds")).extracting(AwsStandIn.Request::accessKey)
                .containsExactly("ASIATGLIVE-PLAN", "ASIATGLIVE-APPLY");
    }

    @Test
    void noSecretReachesTheLogOrAnExceptionMessage() throws Exception {
        AccountRoles roles = new AccountRoles("arn:aws:iam::111111111111:role/tglive-plan",
                "arn:aws:iam::111111111111:role/tglive-apply");
        String roleSecret = "role-secret-tglive-plan-0123456789";
        String roleToken = "role-session-token-tglive-plan-abcdefghij";
        aws.statuses("IN_PROGRESS", "FAILED")
                .logsPerPoll(List.of(List.of("echo " + STATIC_SECRET, "token=" + roleToken + " key=" + roleSecret)))
                .failedPhase("BUILD", "FAILED", "command failed: AWS_SECRET_ACCESS_KEY=" + roleSecret);

        RunnerException e = catchThrowableOfType(RunnerException.class, () -> run(settings().withRoles(roles), plan()));

        List<String> texts = new ArrayList<>(log);
        for (Throwable t = e; t != null; t = t.getCause()) {
            texts.add(t.getMessage());
            texts.add(t.toString());
        }
        assertThat(String.join("\n", texts)).doesNotContain(STATIC_SECRET, roleSecret, roleToken)
                .contains("echo " + Secrets.MASK, "token=" + Secrets.MASK + " key=" + Secrets.MASK,
                        "AWS_SECRET_ACCESS_KEY=" + Secrets.MASK);
        assertThat(settings().credentials().toString()).doesNotContain(STATIC_SECRET).contains("AKIDSTANDIN");

        aws.alwaysFault("StartBuild", new Fault(400, "InvalidInputException",
                "bad request signed with " + roleToken, 0));
        RunnerException start = catchThrowableOfType(RunnerException.class, () -> run(settings().withRoles(roles), plan()));
        assertThat(start.getMessage()).contains("InvalidInputException", Secrets.MASK).doesNotContain(roleToken);
        assertThat(start.getCause().getMessage()).doesNotContain(roleToken);
        assertThat(start.isTransient()).isFalse();
    }

    @Test
    void reservedEnvironmentVariablesAreRefusedBeforeAnyBuildStarts() {
        CommandSpec spec = new CommandSpec("live/dev/app", CommandKind.PLAN, List.of("terragrunt", "plan"),
                Map.of("CODEBUILD_SRC_DIR", "/x"), "0123abcd", dir, Optional.empty(), Duration.ofMinutes(5));

        RunnerException e = failure(spec);

        assertThat(e.getMessage()).contains("CODEBUILD_SRC_DIR is reserved (by CodeBuild)");
        assertThat(aws.requests("StartBuild")).isEmpty();
    }
}
