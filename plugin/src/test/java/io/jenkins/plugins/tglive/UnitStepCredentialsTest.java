package io.jenkins.plugins.tglive;

import static io.jenkins.plugins.tglive.LiveRepoFiles.commit;
import static io.jenkins.plugins.tglive.LiveRepoFiles.tools;
import static io.jenkins.plugins.tglive.LiveRepoFiles.toolsDir;
import static io.jenkins.plugins.tglive.LiveRepoFiles.write;
import static io.jenkins.plugins.tglive.LiveRepoFiles.writeRoot;

import com.cloudbees.jenkins.plugins.awscredentials.AWSCredentialsImpl;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.Result;
import hudson.util.Secret;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * A unit step's AWS credentials id in a real Pipeline: a missing id and credentials of another kind
 * fail the step naming the id; AWS credentials reach terragrunt on the agent as environment variables
 * and are masked in the build log (with the real terragrunt and OpenTofu, skipped where they are not
 * built).
 */
@WithJenkins
class UnitStepCredentialsTest {

  private static final String SECRET_KEY = "example-secret-key-of-the-dev-account";

  @TempDir Path dir;

  @BeforeEach
  void repository() throws Exception {
    Path repo = dir.resolve("repo");
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      writeRoot(repo);
      write(repo, "modules/value/main.tf", """
          resource "terraform_data" "this" {
            input = "net"
          }
          """);
      commit(git, "base");
      git.checkout().setCreateBranch(true).setName("feature").call();
      write(repo, "net/terragrunt.hcl", """
          include "root" {
            path = find_in_parent_folders("root.hcl")
          }
          terraform {
            source = "../modules/value"
            before_hook "leak" {
              commands = ["plan"]
              execute  = ["sh", "-c", "echo leaked=$AWS_SECRET_ACCESS_KEY"]
            }
          }
          """);
      commit(git, "units");
    }
  }

  private static void account() throws Exception {
    AccountConfig dev = new AccountConfig("dev", "");
    dev.setApprovalsRequired(0);
    dev.setCredentialsId("aws-dev");
    TerragruntLiveConfiguration.get().setAccounts(List.of(dev));
    SystemCredentialsProvider.getInstance().getCredentials().add(new AWSCredentialsImpl(CredentialsScope.GLOBAL,
        "aws-dev", "AKIAEXAMPLEDEV", SECRET_KEY, "dev account"));
    SystemCredentialsProvider.getInstance().getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL,
        "hook", "a webhook", Secret.fromString("https://hooks.example.com/x")));
    SystemCredentialsProvider.getInstance().save();
  }

  private WorkflowRun run(JenkinsRule r, String planArguments) throws Exception {
    WorkflowJob p = r.jenkins.createProject(WorkflowJob.class, "p");
    p.setDefinition(new CpsFlowDefinition("node {\n"
        + "  withEnv(['TG_TF_PATH=" + toolsDir().resolve("bin/tofu") + "', 'TF_CLI_CONFIG_FILE="
        + toolsDir().resolve("providers/tofurc") + "', 'TGLIVE_TEST_STATE=" + dir.resolve("state") + "']) {\n"
        + "    terragruntStack(dir: '" + dir.resolve("repo") + "', base: 'main', head: 'feature')\n"
        + "    def plan = tgPlanPath(path: 'net', terragrunt: '" + toolsDir().resolve("bin/terragrunt") + "'"
        + planArguments + ")\n"
        + "    echo \"planned: changes=${plan.changes}\"\n"
        + "  }\n"
        + "}\n", true));
    return p.scheduleBuild2(0).waitForStart();
  }

  @Test
  void aMissingCredentialsIdFailsTheStepNamingIt(JenkinsRule r) throws Exception {
    account();
    WorkflowRun b = r.assertBuildStatus(Result.FAILURE, r.waitForCompletion(run(r, ", credentialsId: 'aws-gone'")));
    r.assertLogContains("tgPlanPath: credentialsId 'aws-gone': no credentials with this id are visible to this build",
        b);
  }

  @Test
  void credentialsOfAnotherKindFailTheStepNamingTheId(JenkinsRule r) throws Exception {
    account();
    WorkflowRun b = r.assertBuildStatus(Result.FAILURE, r.waitForCompletion(run(r, ", credentialsId: 'hook'")));
    r.assertLogContains("tgPlanPath: credentialsId 'hook' holds a secret text, not AWS credentials", b);
    r.assertLogNotContains("https://hooks.example.com/x", b);
  }

  @Test
  void theAccountsAwsCredentialsReachTerragruntOnTheAgentMasked(JenkinsRule r) throws Exception {
    tools();
    account();
    WorkflowRun b = r.assertBuildStatus(Result.SUCCESS, r.waitForCompletion(run(r, "")));
    r.assertLogContains("leaked=****", b);
    r.assertLogNotContains(SECRET_KEY, b);
    r.assertLogContains("planned: changes=true", b);
  }

}
