package io.tglive.policy;

import java.io.Serializable;
import java.util.Objects;

/**
 * Where and as whom an account's units are planned and applied, and with which terragrunt command
 * lines; every string may be null (use the defaults). {@link RunnerRules} says what is valid.
 *
 * @param planRole IAM role ARN for plan and show (never the apply role)
 * @param applyRole IAM role ARN for apply only
 * @param codeBuildProject the CodeBuild project of the {@code codebuild} runner
 * @param region the AWS region of the project, bucket and logs (and of STS for the roles)
 * @param runner {@code local} or {@code codebuild}; null means local unless a run overrides it
 * @param codeBuildBucket the S3 bucket that carries plan files, stdout and exit codes between builds
 * @param codeBuildPrefix the key prefix in that bucket; null for the bucket's root
 * @param commands the account's terragrunt command, extra arguments, retry patterns and timeout
 */
public record RunnerSettings(
    String planRole,
    String applyRole,
    String codeBuildProject,
    String region,
    String runner,
    String codeBuildBucket,
    String codeBuildPrefix,
    AccountCommands commands) implements Serializable {

  /** The runner that runs terragrunt as local processes. */
  public static final String LOCAL = "local";

  /** The runner that runs each terragrunt command as an AWS CodeBuild build. */
  public static final String CODEBUILD = "codebuild";

  /** No runner overrides. */
  public static final RunnerSettings NONE = new RunnerSettings(null, null, null, null);

  public RunnerSettings {
    commands = Objects.requireNonNullElse(commands, AccountCommands.DEFAULT);
  }

  /** Roles and a CodeBuild project, the default runner and commands. */
  public RunnerSettings(String planRole, String applyRole, String codeBuildProject, String region) {
    this(planRole, applyRole, codeBuildProject, region, null, null, null, AccountCommands.DEFAULT);
  }

  /** These settings with another runner ({@link #LOCAL} or {@link #CODEBUILD}). */
  public RunnerSettings withRunner(String value) {
    return new RunnerSettings(planRole, applyRole, codeBuildProject, region, value, codeBuildBucket, codeBuildPrefix,
        commands);
  }

  /** These settings with other commands. */
  public RunnerSettings withCommands(AccountCommands value) {
    return new RunnerSettings(planRole, applyRole, codeBuildProject, region, runner, codeBuildBucket, codeBuildPrefix,
        value);
  }

  /** The runner the account asks for: {@link #CODEBUILD}, or {@link #LOCAL} when none is set. */
  public String runnerOrLocal() {
    return runner == null ? LOCAL : runner;
  }

  /** Whether the account has a plan role and an apply role. */
  public boolean hasRoles() {
    return planRole != null || applyRole != null;
  }
}
