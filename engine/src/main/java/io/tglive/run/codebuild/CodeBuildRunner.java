package io.tglive.run.codebuild;

import io.tglive.run.CommandKind;
import io.tglive.run.CommandLog;
import io.tglive.run.CommandResult;
import io.tglive.run.CommandSpec;
import io.tglive.run.RunnerException;
import io.tglive.run.UnitRunner;
import io.tglive.run.aws.AwsConnection;
import io.tglive.run.aws.RoleCredentials;
import io.tglive.run.aws.Secrets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.BuildPhase;
import software.amazon.awssdk.services.codebuild.model.EnvironmentVariable;
import software.amazon.awssdk.services.codebuild.model.EnvironmentVariableType;
import software.amazon.awssdk.services.codebuild.model.ListBuildsForProjectRequest;
import software.amazon.awssdk.services.codebuild.model.ListBuildsForProjectResponse;
import software.amazon.awssdk.services.codebuild.model.PhaseContext;
import software.amazon.awssdk.services.codebuild.model.SortOrderType;
import software.amazon.awssdk.services.codebuild.model.StartBuildRequest;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/**
 * Runs each command as an AWS CodeBuild build (docs/codebuild.md): {@code StartBuild} at the spec's
 * revision with a generated buildspec, {@code BatchGetBuilds} polls with backoff and jitter, the
 * build's CloudWatch Logs streamed into the unit's log, stdout, exit code and plan files carried
 * through S3, and {@code StopBuild} on cancel or timeout.
 */
public final class CodeBuildRunner implements UnitRunner, AutoCloseable {

    /** How many pages of the project's most recent builds (100 each) {@link #stopLeftoverBuilds} looks at. */
    static final int LEFTOVER_PAGES = 5;
    /** Consecutive failed polls (throttling, 5xx, timeouts) after which the runner gives up. */
    static final int MAX_POLL_FAILURES = 8;
    private static final int MIN_BUILD_MINUTES = 5;
    private static final int MAX_BUILD_MINUTES = 2160;

    private final CodeBuildSettings settings;
    private final String runId;
    private final Pacer pacer;
    private final Backoff backoff;
    private final Secrets secrets;
    private final SdkHttpClient http;
    private final AwsConnection connection;
    private final RoleCredentials credentials;
    private final Map<String, AwsClients> clients = new ConcurrentHashMap<>();

    /**
     * A runner for one run.
     *
     * @param runId   names the run in S3 keys and STS session names (letters, digits, '.', '_', '-')
     * @param pacer   the clock and the waits between polls
     * @param random  the jitter of the poll backoff
     * @param secrets collects every secret the runner handles, to clean logs and messages of them
     */
    public CodeBuildRunner(CodeBuildSettings settings, String runId, Pacer pacer, RandomGenerator random,
            Secrets secrets) {
        this.settings = settings;
        this.runId = runId;
        UnitFolder.checkRunId(runId);
        this.pacer = pacer;
        this.backoff = new Backoff(settings.pollInitial(), settings.pollMax(), random);
        this.secrets = secrets;
        this.http = UrlConnectionHttpClient.builder()
                .socketTimeout(settings.callTimeout())
                .connectionTimeout(settings.callTimeout())
                .build();
        this.connection = new AwsConnection(Region.of(settings.region()), settings.endpoint(), http,
                settings.callTimeout(), settings.maxAttempts());
        this.credentials = new RoleCredentials(settings.credentials(), settings.roles(), "tglive-" + runId,
                connection, secrets);
    }

    /** A runner on the real clock. */
    public static CodeBuildRunner create(CodeBuildSettings settings, String runId, Secrets secrets) {
        return new CodeBuildRunner(settings, runId, Pacer.SYSTEM, new SplittableRandom(), secrets);
    }

    @Override
    public CommandResult run(CommandSpec spec, CommandLog log) throws RunnerException, InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("cancelled before the CodeBuild build started");
        }
        long started = pacer.nanoTime();
        long deadline = started + spec.timeout().toNanos();
        String what = spec.kind().name().toLowerCase(Locale.ROOT) + " of " + spec.unit();
        UnitFolder folder;
        try {
            folder = UnitFolder.of(settings.prefix(), runId, spec.unit());
        } catch (IllegalArgumentException e) {
            throw new RunnerException(what + ": " + e.getMessage(), false);
        }
        AwsClients aws = clientsFor(spec.kind());
        BuildStorage storage = new BuildStorage(aws.s3(), settings.bucket(), secrets);
        PlanFiles plans = new PlanFiles(storage, folder);
        Optional<String> planSha = Optional.empty();
        if (Buildspec.readsPlan(spec.kind())) {
            Path local = spec.planFile().orElseThrow(() -> new RunnerException(
                    what + " reads a plan file, but the command names none", false));
            planSha = Optional.of(plans.publish(local));
        }
        String buildId = start(aws.codeBuild(), spec, folder, planSha, what, storage, log);
        log.line("[tglive] " + what + ": CodeBuild build " + buildId + " started at revision " + spec.revision()
                + credentials.roleFor(spec.kind()).map(role -> " as " + role).orElse(""));
        Build done = watch(aws, buildId, what, deadline, spec.timeout(), log);
        return outcome(done, spec, storage, plans, folder, what, log, started);
    }

    /**
     * Stops this run's builds that are still running, such as those a killed process left behind,
     * so a resumed run never has two builds of a unit at once. Looks at the project's 500 most recent
     * builds under each role and matches them by their {@code TGLIVE_RUN} variable.
     *
     * @return the ids of the builds it stopped
     */
    public List<String> stopLeftoverBuilds(CommandLog log) throws RunnerException {
        List<String> stopped = new ArrayList<>();
        Set<String> searched = new HashSet<>();
        for (CommandKind kind : List.of(CommandKind.PLAN, CommandKind.APPLY)) {
            if (!searched.add(credentials.roleFor(kind).orElse("base"))) {
                continue;
            }
            CodeBuildClient codeBuild = clientsFor(kind).codeBuild();
            try {
                String token = null;
                for (int page = 0; page < LEFTOVER_PAGES; page++) {
                    ListBuildsForProjectResponse builds = codeBuild.listBuildsForProject(
                            ListBuildsForProjectRequest.builder().projectName(settings.project())
                                    .sortOrder(SortOrderType.DESCENDING).nextToken(token).build());
                    if (!builds.ids().isEmpty()) {
                        for (Build build : codeBuild.batchGetBuilds(r -> r.ids(builds.ids())).builds()) {
                            if (build.buildStatus() == StatusType.IN_PROGRESS && ofThisRun(build)) {
                                if (stop(codeBuild, build.id(), log)) {
                                    stopped.add(build.id());
                                }
                            }
                        }
                    }
                    token = builds.nextToken();
                    if (token == null) {
                        break;
                    }
                }
            } catch (SdkException e) {
                throw AwsFailures.runnerException("cannot look for builds of run " + runId + " left running in project "
                        + settings.project(), e, secrets);
            }
        }
        return stopped;
    }

    private boolean ofThisRun(Build build) {
        return hasVariable(build, "TGLIVE_RUN", runId);
    }

    private static boolean hasVariable(Build build, String name, String value) {
        return build.environment() != null && build.environment().environmentVariables().stream()
                .anyMatch(v -> name.equals(v.name()) && value.equals(v.value()));
    }

    private String start(CodeBuildClient codeBuild, CommandSpec spec, UnitFolder folder, Optional<String> planSha,
            String what, BuildStorage storage, CommandLog log) throws RunnerException, InterruptedException {
        String token = UUID.randomUUID().toString();
        StartBuildRequest.Builder request = StartBuildRequest.builder()
                .projectName(settings.project())
                .sourceVersion(spec.revision())
                .environmentVariablesOverride(environment(spec, storage.url(folder.base()), planSha, token, what))
                .buildspecOverride(Buildspec.yaml(spec))
                .timeoutInMinutesOverride(buildMinutes(spec.timeout()))
                .idempotencyToken(token);
        credentials.roleFor(spec.kind()).ifPresent(request::serviceRoleOverride);
        try {
            return codeBuild.startBuild(request.build()).build().id();
        } catch (SdkException e) {
            // the request may have reached CodeBuild before it failed: a cancel, a call timeout, a lost answer
            boolean cancelled = Thread.interrupted();
            Optional<Build> made;
            boolean unknown = false;
            try {
                made = startedWith(codeBuild, token);
            } catch (SdkException lookup) {
                made = Optional.empty();
                unknown = true;
                log.line("[tglive] could not look for a build of " + what + " made before StartBuild failed: "
                        + AwsFailures.describe(lookup, secrets));
            }
            if (cancelled) {
                String backstop = " (had one started, its CodeBuild timeout of " + buildMinutes(spec.timeout())
                        + " minutes ends it)";
                throw new InterruptedException("cancelled while starting the CodeBuild build for " + what
                        + made.map(b -> "; CodeBuild build " + b.id() + stopped(codeBuild, b.id(), log))
                                .orElse(unknown ? "; whether its build started is unknown" + backstop
                                        : "; no build of it was found among the project's newest" + backstop));
            }
            if (made.isPresent()) {
                log.line("[tglive] " + what + ": StartBuild failed (" + AwsFailures.describe(e, secrets)
                        + "), but CodeBuild had made build " + made.get().id() + "; following it");
                return made.get().id();
            }
            throw AwsFailures.runnerException("cannot start the CodeBuild build for " + what + " in project "
                    + settings.project() + " (" + settings.region() + ")", e, secrets);
        }
    }

    /** The build a StartBuild request made, found among the project's newest by its {@code TGLIVE_START} token. */
    private Optional<Build> startedWith(CodeBuildClient codeBuild, String token) {
        List<String> ids = codeBuild.listBuildsForProject(r -> r.projectName(settings.project())
                .sortOrder(SortOrderType.DESCENDING)).ids();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        return codeBuild.batchGetBuilds(r -> r.ids(ids)).builds().stream()
                .filter(build -> hasVariable(build, "TGLIVE_START", token)).findFirst();
    }

    private List<EnvironmentVariable> environment(CommandSpec spec, String exchange, Optional<String> planSha,
            String token, String what) throws RunnerException {
        Map<String, String> env = new TreeMap<>();
        for (Map.Entry<String, String> entry : spec.environment().entrySet()) {
            String name = entry.getKey();
            if (name.startsWith("CODEBUILD_") || name.startsWith("TGLIVE_")) {
                throw new RunnerException(what + ": environment variable " + name + " is reserved ("
                        + (name.startsWith("CODEBUILD_") ? "by CodeBuild" : "by tglive") + ")", false);
            }
            env.put(name, entry.getValue());
        }
        env.put("TGLIVE_RUN", runId);
        env.put("TGLIVE_UNIT", spec.unit());
        env.put("TGLIVE_COMMAND", spec.kind().name().toLowerCase(Locale.ROOT));
        env.put("TGLIVE_REVISION", spec.revision());
        env.put("TGLIVE_EXCHANGE", exchange);
        env.put("TGLIVE_START", token);
        planSha.ifPresent(sha -> env.put("TGLIVE_PLAN_SHA256", sha));
        List<EnvironmentVariable> variables = new ArrayList<>();
        env.forEach((name, value) -> variables.add(EnvironmentVariable.builder()
                .name(name).value(value).type(EnvironmentVariableType.PLAINTEXT).build()));
        return variables;
    }

    /** CodeBuild's own timeout, a backstop should this process die: the spec's, rounded up, within 5–2160. */
    static int buildMinutes(Duration timeout) {
        long minutes = (timeout.toSeconds() + 59) / 60;
        return (int) Math.max(MIN_BUILD_MINUTES, Math.min(MAX_BUILD_MINUTES, minutes));
    }

    private Build watch(AwsClients aws, String id, String what, long deadline, Duration timeout, CommandLog log)
            throws RunnerException, InterruptedException {
        LogTail tail = new LogTail(aws.logs(), log, secrets);
        int failures = 0;
        for (int attempt = 0; ; attempt++) {
            long remaining = deadline - pacer.nanoTime();
            if (remaining <= 0) {
                throw new RunnerException(what + " did not finish within " + timeout + "; CodeBuild build " + id
                        + stopped(aws.codeBuild(), id, log), false);
            }
            Duration delay = backoff.delay(attempt);
            try {
                pacer.sleep(delay.toNanos() < remaining ? delay : Duration.ofNanos(remaining));
            } catch (InterruptedException e) {
                throw cancelled(aws.codeBuild(), id, what, log);
            }
            Optional<Build> build;
            try {
                build = aws.codeBuild().batchGetBuilds(r -> r.ids(id)).builds().stream()
                        .filter(b -> id.equals(b.id())).findFirst();
            } catch (SdkException e) {
                if (Thread.interrupted()) {
                    throw cancelled(aws.codeBuild(), id, what, log);
                }
                if (!AwsFailures.isTransient(e)) {
                    throw AwsFailures.runnerException("cannot poll CodeBuild build " + id + " for " + what
                            + "; the build" + stopped(aws.codeBuild(), id, log), e, secrets);
                }
                if (++failures >= MAX_POLL_FAILURES) {
                    throw AwsFailures.runnerException("lost track of CodeBuild build " + id + " for " + what
                            + " after " + failures + " failed status polls in a row; the build"
                            + stopped(aws.codeBuild(), id, log), e, secrets);
                }
                log.line("[tglive] status poll of build " + id + " failed (" + AwsFailures.describe(e, secrets)
                        + "); polling again");
                continue;
            }
            if (build.isEmpty()) {
                if (++failures >= MAX_POLL_FAILURES) {
                    throw new RunnerException("CodeBuild does not know build " + id + " (" + what + ") after "
                            + failures + " polls", true);
                }
                continue;
            }
            failures = 0;
            tail.poll(build.get());
            if (build.get().buildStatus() != StatusType.IN_PROGRESS) {
                tail.poll(build.get());
                return build.get();
            }
        }
    }

    private InterruptedException cancelled(CodeBuildClient codeBuild, String id, String what, CommandLog log) {
        Thread.interrupted();
        return new InterruptedException(what + " cancelled; CodeBuild build " + id + stopped(codeBuild, id, log));
    }

    /** Stops the build; says how that went, as the end of a sentence (" was stopped"). */
    private String stopped(CodeBuildClient codeBuild, String id, CommandLog log) {
        return stop(codeBuild, id, log) ? " was stopped" : " could not be stopped (see the log); its CodeBuild timeout ends it";
    }

    private boolean stop(CodeBuildClient codeBuild, String id, CommandLog log) {
        try {
            codeBuild.stopBuild(r -> r.id(id));
            log.line("[tglive] stopped CodeBuild build " + id);
            return true;
        } catch (SdkException e) {
            log.line("[tglive] could not stop CodeBuild build " + id + ": " + AwsFailures.describe(e, secrets)
                    + "; its project timeout ends it");
            return false;
        }
    }

    private CommandResult outcome(Build build, CommandSpec spec, BuildStorage storage, PlanFiles plans,
            UnitFolder folder, String what, CommandLog log, long started) throws RunnerException {
        String id = build.id();
        String named = what + ": CodeBuild build " + id;
        StatusType status = build.buildStatus();
        switch (status) {
            case SUCCEEDED, FAILED -> {
                // the command ran, or tried to: its records say how it ended
            }
            case FAULT -> throw new RunnerException(named + " faulted" + failedPhase(build)
                    + "; an error inside CodeBuild, trying again may succeed", true);
            case STOPPED -> throw new RunnerException(named + " was stopped outside tglive" + failedPhase(build), false);
            case TIMED_OUT -> throw new RunnerException(named + " reached the CodeBuild project's build timeout"
                    + failedPhase(build), false);
            default -> throw new RunnerException(named + " ended with status " + build.buildStatusAsString()
                    + ", which tglive does not know", false);
        }
        Optional<String> notRun = storage.readText(folder.buildFile(id, "not-run"));
        if (notRun.isPresent()) {
            throw new RunnerException(named + " did not run the command: " + secrets.redact(notRun.get().strip()), false);
        }
        Optional<String> exit = storage.readText(folder.buildFile(id, "exit-code"));
        if (exit.isEmpty()) {
            throw new RunnerException(status == StatusType.SUCCEEDED
                    ? named + " succeeded without recording an exit code; does the project ignore the buildspec"
                            + " override?"
                    : named + " failed" + failedPhase(build) + " before recording the command's exit code; the"
                            + " command may have run, see the build's log", false);
        }
        int code;
        try {
            code = Integer.parseInt(exit.get().strip());
        } catch (NumberFormatException e) {
            throw new RunnerException(named + " recorded '" + exit.get().strip() + "' as the exit code", false);
        }
        if ((status == StatusType.SUCCEEDED) != (code == 0)) {
            throw new RunnerException(named + " ended " + status + " but recorded exit code " + code
                    + "; tglive does not guess which is right", false);
        }
        String stdout = storage.readText(folder.buildFile(id, "stdout")).orElseThrow(() -> new RunnerException(
                named + " recorded an exit code but no stdout", false));
        if (spec.kind() == CommandKind.PLAN && spec.planFile().isPresent()) {
            Optional<String> sha = storage.readText(folder.buildFile(id, "plan.sha256"));
            if (sha.isPresent()) {
                plans.fetch(sha.get(), spec.planFile().get());
            } else if (code == 0 || code == 2) {
                throw new RunnerException(named + " exited " + code + " but recorded no plan file", false);
            }
        }
        log.line("[tglive] " + named + " " + status + ", exit code " + code);
        return new CommandResult(code, stdout, Duration.ofNanos(pacer.nanoTime() - started));
    }

    /** " in phase BUILD (message)" for the phase that did not succeed, or "" if none says so. */
    private String failedPhase(Build build) {
        BuildPhase failed = null;
        for (BuildPhase phase : build.phases()) {
            String status = phase.phaseStatusAsString();
            if (status != null && !"SUCCEEDED".equals(status)) {
                failed = phase;
            }
        }
        if (failed == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(" in phase ").append(failed.phaseTypeAsString());
        for (PhaseContext context : failed.contexts()) {
            if (context.message() != null && !context.message().isBlank()) {
                text.append(" (").append(secrets.redact(context.message().strip())).append(')');
            }
        }
        return text.toString();
    }

    private AwsClients clientsFor(CommandKind kind) {
        String key = credentials.roleFor(kind).orElse("base");
        return clients.computeIfAbsent(key, k -> AwsClients.create(connection, credentials.forKind(kind)));
    }

    @Override
    public void close() {
        clients.values().forEach(AwsClients::close);
        credentials.close();
        http.close();
    }
}
