package io.tglive.run.choice;

import io.tglive.policy.RunnerSettings;
import io.tglive.run.CommandLog;
import io.tglive.run.RunnerException;
import io.tglive.run.UnitRunner;
import io.tglive.run.aws.AccountRoles;
import io.tglive.run.aws.AwsConnection;
import io.tglive.run.aws.CredentialsSource;
import io.tglive.run.aws.RoleCredentials;
import io.tglive.run.aws.RoleEnvironmentRunner;
import io.tglive.run.aws.Secrets;
import io.tglive.run.codebuild.CodeBuildRunner;
import io.tglive.run.codebuild.CodeBuildSettings;
import io.tglive.run.state.RunHeader;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * The runners of one run, made from the runner settings its header recorded for each account: a
 * local runner for accounts without roles (and units outside every account), a local runner with
 * the plan and apply roles' credentials for accounts with roles (or with the base credentials when
 * they are not the default chain, which the process would not find itself), and one CodeBuild
 * runner per CodeBuild account. Closing it closes the AWS clients.
 */
public final class RunnerSet implements AutoCloseable {

  /** Region of STS for a local account with roles but no region. */
  private static final String DEFAULT_STS_REGION = "us-east-1";

  private final AccountRunners runner;
  private final List<CodeBuildRunner> codeBuild = new ArrayList<>();
  private final List<AutoCloseable> closeables = new ArrayList<>();

  /**
   * How tglive reaches AWS.
   *
   * @param endpoint one URL replacing every AWS endpoint (a local test server), if any
   * @param credentials the base credentials (the default chain, or keys a CI system hands over)
   * @param secrets collects every secret, to keep them out of logs
   */
  public record AwsAccess(Optional<URI> endpoint, CredentialsSource credentials, Secrets secrets) {}

  private RunnerSet(RunHeader header, UnitRunner local, AwsAccess aws) {
    Map<String, UnitRunner> byAccount = new HashMap<>();
    try {
      header.runners().forEach((account, settings) -> byAccount.put(account, make(header.id(), settings, local, aws)));
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    this.runner = new AccountRunners(header, byAccount, local);
  }

  /**
   * The runners of the run {@code header} describes.
   *
   * @param local the local runner (it journals its processes)
   * @throws IllegalArgumentException when an account's settings cannot make its runner (a run id
   *     that cannot name S3 keys, say)
   */
  public static RunnerSet of(RunHeader header, UnitRunner local, AwsAccess aws) {
    return new RunnerSet(header, local, aws);
  }

  /** Routes each unit's commands to its account's runner. */
  public UnitRunner runner() {
    return runner;
  }

  /** Stops the CodeBuild builds of this run a killed process left running; returns their ids. */
  public List<String> stopLeftoverBuilds(CommandLog log) throws RunnerException {
    List<String> stopped = new ArrayList<>();
    for (CodeBuildRunner each : codeBuild) {
      stopped.addAll(each.stopLeftoverBuilds(log));
    }
    return stopped;
  }

  private UnitRunner make(String runId, RunnerSettings settings, UnitRunner local, AwsAccess aws) {
    Optional<AccountRoles> roles = settings.hasRoles()
        ? Optional.of(new AccountRoles(settings.planRole(), settings.applyRole()))
        : Optional.empty();
    if (RunnerSettings.CODEBUILD.equals(settings.runner())) {
      CodeBuildSettings build = CodeBuildSettings.of(settings.codeBuildProject(), settings.region(),
              settings.codeBuildBucket(), settings.codeBuildPrefix() == null ? "" : settings.codeBuildPrefix())
          .withCredentials(aws.credentials());
      build = aws.endpoint().map(build::withEndpoint).orElse(build);
      build = roles.map(build::withRoles).orElse(build);
      CodeBuildRunner runner = CodeBuildRunner.create(build, runId, aws.secrets());
      codeBuild.add(runner);
      closeables.add(runner);
      return runner;
    }
    if (roles.isEmpty() && aws.credentials() instanceof CredentialsSource.DefaultChain) {
      // the local process finds the same default chain itself
      return local;
    }
    SdkHttpClient http = UrlConnectionHttpClient.builder().build();
    closeables.add(http);
    Region region = Region.of(settings.region() == null ? DEFAULT_STS_REGION : settings.region());
    AwsConnection connection = new AwsConnection(region, aws.endpoint(), http, Duration.ofMinutes(1), 3);
    RoleEnvironmentRunner runner = new RoleEnvironmentRunner(local, new RoleCredentials(aws.credentials(), roles,
        "tglive-" + runId, connection, aws.secrets()), Optional.ofNullable(settings.region()), aws.secrets());
    closeables.add(runner);
    return runner;
  }

  @Override
  public void close() {
    for (int i = closeables.size() - 1; i >= 0; i--) {
      AutoCloseable closeable = closeables.get(i);
      try {
        closeable.close();
      } catch (Exception e) {
        // closing AWS clients at the end of a run: nothing left to do about a failure
      }
    }
  }
}
