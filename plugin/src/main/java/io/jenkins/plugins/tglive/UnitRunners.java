package io.jenkins.plugins.tglive;

import io.tglive.policy.RunnerSettings;
import io.tglive.run.CommandLog;
import io.tglive.run.RunnerException;
import io.tglive.run.UnitRunner;
import io.tglive.run.aws.CredentialsSource;
import io.tglive.run.aws.Secrets;
import io.tglive.run.choice.RunnerChoice;
import io.tglive.run.choice.RunnerSet;
import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunUnit;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runner of one unit step, made by the engine ({@link RunnerChoice}, {@link RunnerSet}) from the
 * settings the build's run recorded for the unit's account, the step's {@code runner} override
 * applied: the enclosing node's agent (with the account's roles, or the credentials id's keys, in the
 * environment) or AWS CodeBuild. The CodeBuild run id names this step's builds (S3 keys, the
 * {@code TGLIVE_RUN} variable), so after a controller restart the builds of exactly this step are
 * found and stopped.
 */
final class UnitRunners implements AutoCloseable {

  /** The step's name for the agent: the engine's local runner. */
  static final String AGENT = "agent";

  /** A system property replacing every AWS endpoint with one URL: local test servers only. */
  static final String ENDPOINT_PROPERTY = UnitRunners.class.getName() + ".awsEndpoint";

  private static final int MAX_BUILD_PART = 80;

  private final RunnerSettings settings;
  private final RunnerSet set;

  private UnitRunners(RunnerSettings settings, RunnerSet set) {
    this.settings = settings;
    this.set = set;
  }

  /**
   * The runner settings of {@code unit}: its account's as the run recorded them, {@code runner}
   * ({@code agent}, {@code codebuild}, null for the account's own) applied and checked.
   *
   * @throws IllegalArgumentException naming what the account lacks for the runner asked for
   */
  static RunnerSettings choose(RunHeader header, RunUnit unit, String runner) {
    String override = runner == null ? null : runner.equals(AGENT) ? RunnerSettings.LOCAL : runner;
    Map<String, RunnerSettings> chosen = RunnerChoice.choose(header, List.of(unit), override,
        "runner: '" + runner + "'");
    return unit.account() == null ? RunnerSettings.NONE : chosen.get(unit.account());
  }

  /**
   * The runner of {@code unit} with {@code settings}.
   *
   * @param cookie the step's process cookie: part of the CodeBuild run id
   * @param agent runs commands on the enclosing node
   * @param credentials the base AWS credentials
   * @param secrets collects every secret, for masking
   */
  static UnitRunners create(RunHeader header, RunUnit unit, RunnerSettings settings, String cookie, UnitRunner agent,
      CredentialsSource credentials, Secrets secrets) {
    RunHeader single = new RunHeader(runId(header.id(), cookie), header.repo(), header.base(), header.baseCommit(),
        header.head(), header.headCommit(), List.of(unit),
        unit.account() == null ? Map.of() : Map.of(unit.account(), settings));
    return new UnitRunners(settings, RunnerSet.of(single, agent,
        new RunnerSet.AwsAccess(endpoint(), credentials, secrets)));
  }

  /** Whether the unit's commands run on CodeBuild (its plan file then lives on the controller). */
  boolean codeBuild() {
    return RunnerSettings.CODEBUILD.equals(settings.runner());
  }

  /** Routes the unit's commands (and the run's one {@code --version}) to its runner. */
  UnitRunner runner() {
    return set.runner();
  }

  /** Stops the CodeBuild builds this step's cookie started that still run; their ids. */
  List<String> stopLeftoverBuilds(CommandLog log) throws RunnerException {
    return set.stopLeftoverBuilds(log);
  }

  /**
   * The CodeBuild run id of a step: the build's id ({@code folder/job#12}) in the characters S3 keys and
   * STS session names allow, and the step's cookie.
   */
  static String runId(String buildId, String cookie) {
    String build = buildId.replaceAll("[^A-Za-z0-9._-]", "-");
    if (build.length() > MAX_BUILD_PART) {
      build = build.substring(build.length() - MAX_BUILD_PART);
    }
    return "jenkins-" + build + "-" + cookie;
  }

  private static Optional<URI> endpoint() {
    String value = System.getProperty(ENDPOINT_PROPERTY);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(URI.create(value.strip()));
  }

  @Override
  public void close() {
    set.close();
  }
}
