package io.jenkins.plugins.tglive;

import hudson.model.Run;
import io.tglive.stack.StackMaps;
import io.tglive.stack.StackResult;
import io.tglive.stack.render.StackJsonReader;
import io.tglive.stack.render.StackTextRenderer;
import java.util.List;
import java.util.Map;
import jenkins.model.RunAction2;

/**
 * The deploy stack a build computed with {@code terragruntStack} for one repository directory: kept
 * in build.xml as its JSON, shown on the build's {@code terragrunt-stack} page (one page per
 * directory), and read by later builds of the branch for that directory's base.
 */
public final class TerragruntStackAction implements RunAction2 {

  /** The workspace-relative repository directory; null in builds recorded before there was one, meaning ".". */
  private final String dir;
  private final String base;
  private final String head;
  private final String json;
  private transient Run<?, ?> run;

  /**
   * @param dir the repository directory, relative to the workspace, as the step was given it
   * @param base full sha the diff started from
   * @param head full sha of the deployed head
   * @param json the stack as {@code tglive stack --format json} writes it
   */
  public TerragruntStackAction(String dir, String base, String head, String json) {
    this.dir = dir;
    this.base = base;
    this.head = head;
    this.json = json;
  }

  /** The repository directory this stack belongs to, relative to the workspace. */
  public String getDir() {
    return dir == null ? "." : dir;
  }

  public String getBase() {
    return base;
  }

  public String getHead() {
    return head;
  }

  public String getJson() {
    return json;
  }

  /** The build it belongs to, for the page's side panel. */
  public Run<?, ?> getRun() {
    return run;
  }

  /** The stack as the build log shows it. */
  public String getText() {
    return StackTextRenderer.render(result());
  }

  /** The units in deploy order, as the step returned them. */
  public List<Map<String, Object>> getUnits() {
    return StackMaps.units(result());
  }

  private StackResult result() {
    return StackJsonReader.read(json);
  }

  @Override
  public String getIconFileName() {
    return "symbol-list";
  }

  @Override
  public String getDisplayName() {
    return getDir().equals(".") ? "Terragrunt stack" : "Terragrunt stack (" + getDir() + ")";
  }

  /** {@code terragrunt-stack} for the workspace root, else {@code terragrunt-stack-<dir>} with other characters as '-'. */
  @Override
  public String getUrlName() {
    return getDir().equals(".") ? "terragrunt-stack" : "terragrunt-stack-" + getDir().replaceAll("[^A-Za-z0-9._]", "-");
  }

  @Override
  public void onAttached(Run<?, ?> r) {
    run = r;
  }

  @Override
  public void onLoad(Run<?, ?> r) {
    run = r;
  }
}
