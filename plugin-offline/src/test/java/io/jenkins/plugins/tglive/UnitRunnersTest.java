package io.jenkins.plugins.tglive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import io.tglive.policy.RunnerSettings;
import io.tglive.run.CommandKind;
import io.tglive.run.CommandResult;
import io.tglive.run.CommandSpec;
import io.tglive.run.RunnerException;
import io.tglive.run.UnitRunner;
import io.tglive.run.aws.CredentialsSource;
import io.tglive.run.aws.Secrets;
import io.tglive.run.codebuild.MotoServer;
import io.tglive.run.codebuild.MotoTimestampShim;
import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunUnit;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.ArtifactsType;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.ComputeType;
import software.amazon.awssdk.services.codebuild.model.EnvironmentType;
import software.amazon.awssdk.services.codebuild.model.SourceType;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The runner a unit step builds (the engine's choice, the plugin's construction) against a real local
 * {@code moto_server}: a CodeBuild account's commands become CodeBuild builds signed with the Jenkins
 * AWS credentials, named by the step's cookie, their logs masked, cancelled builds stopped; a local
 * account's commands get those credentials in the agent's environment. Moto answers the build's first
 * status poll with SUCCEEDED, so the test plays the build's buildspec (stdout and exit code to S3,
 * lines to CloudWatch Logs) as soon as the build appears.
 */
class UnitRunnersTest {

  private static final String PROJECT = "tglive-units";
  private static final String BUCKET = "tglive-plans";
  private static final Region REGION = Region.US_EAST_1;
  private static final String HEAD = "b".repeat(40);
  private static final String SECRET = "jenkins-secret-key-0123456789";
  private static final String TOKEN = "jenkins-session-token-0123456789";
  private static final RunnerSettings PROD = new RunnerSettings(null, null, PROJECT, REGION.id(), "codebuild", BUCKET,
      "ci", null);
  private static final RunUnit PROD_APP = unit("prod/app", "prod");
  private static final RunUnit DEV_APP = unit("dev/app", "dev");
  private static final RunHeader HEADER = new RunHeader("live#7", "/repo", "main", "a".repeat(40), "pr", HEAD,
      List.of(PROD_APP, DEV_APP, unit("tools", null)), Map.of("prod", PROD, "dev", RunnerSettings.NONE));

  private static MotoServer moto;

  @TempDir Path dir;

  private final List<String> log = new CopyOnWriteArrayList<>();
  private final Secrets secrets = new Secrets();
  private final AmazonWebServicesCredentials jenkins = mock(AmazonWebServicesCredentials.class);
  private final ExecutorService threads = Executors.newCachedThreadPool();

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
  void awsOfMoto() throws Exception {
    moto.reset();
    s3().createBucket(r -> r.bucket(BUCKET));
    codeBuild().createProject(r -> r.name(PROJECT)
        .source(s -> s.type(SourceType.GITHUB).location("https://github.com/example/live.git"))
        .artifacts(a -> a.type(ArtifactsType.NO_ARTIFACTS))
        .environment(e -> e.type(EnvironmentType.LINUX_CONTAINER).image("aws/codebuild/standard:7.0")
            .computeType(ComputeType.BUILD_GENERAL1_SMALL))
        .serviceRole("arn:aws:iam::123456789012:role/tglive-codebuild"));
    System.setProperty(UnitRunners.ENDPOINT_PROPERTY, moto.endpoint().toString());
    when(jenkins.resolveCredentials()).thenReturn(AwsSessionCredentials.create("AKIAJENKINS", SECRET, TOKEN));
  }

  @AfterEach
  void cleanUp() {
    System.clearProperty(UnitRunners.ENDPOINT_PROPERTY);
    threads.shutdownNow();
  }

  @Test
  void aCodeBuildAccountsCommandRunsAsABuildSignedWithTheJenkinsCredentialsItsLogMasked() throws Exception {
    RunnerSettings settings = UnitRunners.choose(HEADER, PROD_APP, null);
    String runId = UnitRunners.runId(HEADER.id(), "cookie-1");
    Future<?> buildspec = playBuilds(runId, (uuid, folder) -> {
      seedLog(uuid, "Initializing the backend...", "the build printed " + SECRET);
      put(folder + "/builds/" + uuid + "/stdout", "{\"net\":{\"value\":\"vpc-1\"}}");
      put(folder + "/builds/" + uuid + "/exit-code", "0");
    });

    CommandResult result;
    try (UnitRunners runners = UnitRunners.create(HEADER, PROD_APP, settings, "cookie-1", refusingAgent(),
        new CredentialsSource.Provided("aws-prod", jenkins), secrets)) {
      assertThat(runners.codeBuild()).isTrue();
      result = runners.runner().run(query(PROD_APP), log::add);
    }
    buildspec.cancel(true);

    assertThat(result.exitCode()).isZero();
    assertThat(result.stdout()).isEqualTo("{\"net\":{\"value\":\"vpc-1\"}}");
    verify(jenkins, atLeastOnce()).resolveCredentials();
    Build build = onlyBuild();
    assertThat(build.sourceVersion()).isEqualTo(HEAD);
    // moto keeps no environment overrides; the build's records are read from the step's run id folder
    assertThat(s3().listObjectsV2(r -> r.bucket(BUCKET).prefix("ci/jenkins-live-7-cookie-1/prod/app/builds/"))
        .keyCount()).isEqualTo(2);
    assertThat(log).contains("Initializing the backend...", "the build printed ****")
        .noneMatch(line -> line.contains(SECRET));
    assertThat(secrets.redact(SECRET + " " + TOKEN)).isEqualTo("**** ****");
  }

  @Test
  void aCancelledStepStopsItsCodeBuildBuild() throws Exception {
    RunnerSettings settings = UnitRunners.choose(HEADER, PROD_APP, null);
    CompletableFuture<Throwable> ended = new CompletableFuture<>();
    Thread worker;
    try (UnitRunners runners = UnitRunners.create(HEADER, PROD_APP, settings, "cookie-2", refusingAgent(),
        new CredentialsSource.Provided("aws-prod", jenkins), secrets)) {
      worker = new Thread(() -> {
        try {
          runners.runner().run(query(PROD_APP), log::add);
          ended.complete(null);
        } catch (Throwable e) {
          ended.complete(e);
        }
      });
      worker.start();
      String id = awaitBuild();
      // moto keeps no environment overrides, so a build whose StartBuild answer a cancel cut off cannot be
      // found by its start token here (the stand-in tests cover that): cancel once the runner follows it
      awaitLog("CodeBuild build " + id + " started");
      worker.interrupt();

      assertThat(ended.get(1, TimeUnit.MINUTES)).isInstanceOf(InterruptedException.class)
          .hasMessageContaining("CodeBuild build " + id + " was stopped");
      assertThat(log).contains("[tglive] stopped CodeBuild build " + id);
    }
  }

  @Test
  void aLocalAccountsCommandGetsTheJenkinsCredentialsInTheAgentsEnvironmentMaskedAsSecrets() throws Exception {
    List<Map<String, String>> environments = new CopyOnWriteArrayList<>();
    UnitRunner agent = (command, lines) -> {
      environments.add(command.environment());
      return new CommandResult(0, "", Duration.ZERO);
    };
    RunnerSettings settings = UnitRunners.choose(HEADER, DEV_APP, null);

    try (UnitRunners runners = UnitRunners.create(HEADER, DEV_APP, settings, "cookie-3", agent,
        new CredentialsSource.Provided("aws-dev", jenkins), secrets)) {
      assertThat(runners.codeBuild()).isFalse();
      runners.runner().run(query(DEV_APP), log::add);
    }

    assertThat(environments).singleElement().satisfies(env -> assertThat(env)
        .containsEntry("AWS_ACCESS_KEY_ID", "AKIAJENKINS").containsEntry("AWS_SECRET_ACCESS_KEY", SECRET)
        .containsEntry("AWS_SESSION_TOKEN", TOKEN));
    assertThat(secrets.redact("key " + SECRET)).isEqualTo("key ****");
  }

  @Test
  void theStepsRunnerOverridesTheAccountsAndIsCheckedAgainstItsSettings() {
    assertThat(UnitRunners.choose(HEADER, PROD_APP, "agent")).isEqualTo(PROD.withRunner("local"));
    assertThat(UnitRunners.choose(HEADER, unit("tools", null), "agent")).isEqualTo(RunnerSettings.NONE);
    assertThatThrownBy(() -> UnitRunners.choose(HEADER, DEV_APP, "codebuild"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("account 'dev': runner codebuild needs codeBuildProject (for runner: 'codebuild')");
    assertThatThrownBy(() -> UnitRunners.choose(HEADER, unit("tools", null), "codebuild"))
        .hasMessage("runner: 'codebuild': tools belongs to no account, so no CodeBuild project is configured for it");
  }

  @Test
  void theCodeBuildRunIdNamesTheBuildAndTheStepInCharactersS3AndStsAccept() {
    assertThat(UnitRunners.runId("infra/live#12", "0c1d")).isEqualTo("jenkins-infra-live-12-0c1d");
    String cookie = "123e4567-e89b-12d3-a456-426614174000";
    assertThat(UnitRunners.runId("f/".repeat(100) + "job#1", cookie)).hasSizeLessThanOrEqualTo(128)
        .endsWith("job-1-" + cookie).matches("[A-Za-z0-9][A-Za-z0-9._-]*");
  }

  private static RunUnit unit(String path, String account) {
    return new RunUnit(path, false, account, List.of(), 0, List.of(), 0, 1);
  }

  private CommandSpec query(RunUnit unit) {
    return new CommandSpec(unit.path(), CommandKind.QUERY, List.of("terragrunt", "output", "-json"), Map.of(), HEAD,
        dir.resolve(unit.path()), Optional.empty(), Duration.ofMinutes(10));
  }

  private static UnitRunner refusingAgent() {
    return (command, lines) -> {
      throw new RunnerException("a CodeBuild unit's command reached the agent", false);
    };
  }

  /** Plays the buildspec of every build that appears: {@code build} gets its uuid and the unit's S3 folder. */
  private Future<?> playBuilds(String runId, BiConsumer<String, String> build) {
    return threads.submit(() -> {
      Set<String> seen = new HashSet<>();
      while (!Thread.currentThread().isInterrupted()) {
        for (String id : codeBuild().listBuildsForProject(r -> r.projectName(PROJECT)).ids()) {
          if (seen.add(id)) {
            build.accept(id.substring(id.indexOf(':') + 1), "ci/" + runId + "/prod/app");
          }
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
  }

  private String awaitBuild() throws InterruptedException {
    Instant until = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(until)) {
      List<String> ids = codeBuild().listBuildsForProject(r -> r.projectName(PROJECT)).ids();
      if (!ids.isEmpty()) {
        return ids.get(0);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no CodeBuild build started");
  }

  private void awaitLog(String text) throws InterruptedException {
    Instant until = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(until)) {
      if (log.stream().anyMatch(line -> line.contains(text))) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the log never said: " + text);
  }

  private Build onlyBuild() {
    List<String> ids = codeBuild().listBuildsForProject(r -> r.projectName(PROJECT)).ids();
    assertThat(ids).hasSize(1);
    return codeBuild().batchGetBuilds(r -> r.ids(ids)).builds().get(0);
  }

  private void put(String key, String text) {
    s3().putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromString(text, StandardCharsets.UTF_8));
  }

  private void seedLog(String stream, String... lines) {
    CloudWatchLogsClient logs = CloudWatchLogsClient.builder().region(REGION).endpointOverride(endpoint())
        .credentialsProvider(test()).build();
    String group = "/aws/codebuild/" + PROJECT;
    if (logs.describeLogGroups(r -> r.logGroupNamePrefix(group)).logGroups().isEmpty()) {
      logs.createLogGroup(r -> r.logGroupName(group));
    }
    logs.createLogStream(r -> r.logGroupName(group).logStreamName(stream));
    long now = Instant.now().toEpochMilli();
    List<InputLogEvent> events = new java.util.ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      events.add(InputLogEvent.builder().timestamp(now + i).message(lines[i] + "\n").build());
    }
    logs.putLogEvents(r -> r.logGroupName(group).logStreamName(stream).logEvents(events));
  }

  private static CodeBuildClient codeBuild() {
    return CodeBuildClient.builder().region(REGION).endpointOverride(endpoint()).credentialsProvider(test()).build();
  }

  private static S3Client s3() {
    return S3Client.builder().region(REGION).endpointOverride(endpoint()).forcePathStyle(true)
        .credentialsProvider(test()).build();
  }

  private static StaticCredentialsProvider test() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing-secret"));
  }

  private static URI endpoint() {
    return moto.endpoint();
  }
}
