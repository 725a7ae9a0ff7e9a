package io.jenkins.plugins.tglive;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Label;
import hudson.model.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class TerragruntStackStepTest {

  @RegisterExtension private static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

  @TempDir Path repo;

  private JenkinsRule r;
  private Git git;
  private RevCommit main;
  private RevCommit feature;

  @BeforeEach
  void beforeEach(JenkinsRule rule) throws Exception {
    r = rule;
    // A live repository: live/app depends on live/vpc; branch feature changes vpc.
    git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call();
    write("live/vpc/terragrunt.hcl", "inputs = {\n  cidr = \"10.0.0.0/16\"\n}\n");
    write("live/app/terragrunt.hcl", "dependency \"vpc\" {\n  config_path = \"../vpc\"\n}\n");
    main = commit("base");
    git.checkout().setCreateBranch(true).setName("feature").call();
    write("live/vpc/terragrunt.hcl", "inputs = {\n  cidr = \"10.1.0.0/16\"\n}\n");
    feature = commit("vpc");
  }

  @AfterEach
  void afterEach() {
    git.close();
  }

  private void write(String path, String content) throws Exception {
    Path file = repo.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  private RevCommit commit(String message) throws Exception {
    git.add().addFilepattern(".").call();
    return git.commit().setMessage(message).setAuthor("Test", "test@example.com")
        .setCommitter("Test", "test@example.com").setSign(false).call();
  }

  private WorkflowJob pipeline(String stepArguments) throws Exception {
    r.createOnlineSlave(Label.get("remote"));
    WorkflowJob p = r.jenkins.createProject(WorkflowJob.class, "p");
    p.setDefinition(new CpsFlowDefinition("node('remote') {\n"
        + "  def units = terragruntStack(dir: '" + repo.toString().replace('\\', '/') + "'" + stepArguments + ")\n"
        + "  echo \"units=${units.collect { it.path }} waves=${units.collect { it.wave }}\"\n"
        + "}\n", true));
    return p;
  }

  @Test
  void returnsTheStackInDeployOrderPrintsItAndKeepsItOnTheBuild() throws Exception {
    WorkflowJob p = pipeline(", base: 'main', head: 'feature'");

    WorkflowRun b = r.buildAndAssertSuccess(p);

    r.assertLogContains("units=[live/vpc, live/app] waves=[0, 1]", b);
    r.assertLogContains("terragruntStack: base main (given), head feature (given)", b);
    r.assertLogContains("└── apply live/app", b);
    assertThat(b.getActions(TerragruntStackAction.class)).hasSize(1);
    TerragruntStackAction action = b.getActions(TerragruntStackAction.class).get(0);
    assertThat(action.getBase()).isEqualTo(main.name());
    assertThat(action.getHead()).isEqualTo(feature.name());
    assertThat(action.getUnits()).extracting(unit -> unit.get("path")).containsExactly("live/vpc", "live/app");

    JenkinsRule.WebClient web = r.createWebClient();
    assertThat(web.getPage(b).asNormalizedText()).contains("Terragrunt stack: 2 unit(s)");
    HtmlPage page = web.getPage(b, action.getUrlName());
    assertThat(page.asNormalizedText()).contains("live/vpc", "live/app", "dependent-of:live/vpc");
  }

  @Test
  void nextBuildOfTheBranchComparesWithTheHeadTheLastSuccessfulBuildDeployed() throws Exception {
    WorkflowJob p = pipeline("");
    WorkflowRun first = r.buildAndAssertSuccess(p);
    r.assertLogContains("base HEAD^ (first parent of the head)", first);
    r.assertLogContains("units=[live/vpc, live/app]", first);

    write("live/app/extra.tf", "# more\n");
    commit("app");
    WorkflowRun second = r.buildAndAssertSuccess(p);

    r.assertLogContains("base " + feature.name() + " (head of the previous successful build)", second);
    r.assertLogContains("units=[live/app]", second);
  }

  @Test
  void badRevisionFailsTheBuildWithTheReasonAndNoStackTrace() throws Exception {
    WorkflowJob p = pipeline(", base: 'no-such-branch'");

    WorkflowRun b = r.buildAndAssertStatus(Result.FAILURE, p);

    r.assertLogContains("terragruntStack: no base revision found in this clone; tried no-such-branch (given)", b);
    r.assertLogNotContains("\tat ", b);
    assertThat(b.getActions(TerragruntStackAction.class)).isEmpty();
  }

  @Test
  void configurationRoundTrips() throws Exception {
    TerragruntStackStep step = new TerragruntStackStep();
    step.setDir("infra");
    step.setBase("main");
    step.setDiff("tree");
    step.setIncludeDependencies(true);
    step.setNoDependents(true);
    step.setRootConfigIsUnit(true);
    step.setChangedFiles(List.of("live/a/terragrunt.hcl", "live/b/terragrunt.hcl"));

    r.assertEqualDataBoundBeans(step, new StepConfigTester(r).configRoundTrip(step));
    new SnippetizerTester(r).assertRoundTrip(step, "terragruntStack base: 'main', changedFiles: "
        + "['live/a/terragrunt.hcl', 'live/b/terragrunt.hcl'], diff: 'tree', dir: 'infra', includeDependencies: true, "
        + "noDependents: true, rootConfigIsUnit: true");
  }
}
