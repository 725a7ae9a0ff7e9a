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
 * The deploy stack a build computed with {@code terragruntStack}: kept in build.xml as its JSON, shown
 * on the build's {@code terragrunt-stack} page, and read by later builds of the branch for their base.
 */
public final class TerragruntStackAction implements RunAction2 {

  private final String base;
  private final String head;
  private final String json;
  private transient Run<?, ?> run;

  /**
   * @param base full sha the diff started from
   * @param head full sha of the deployed head
   * @param json the stack as {@code tglive stack --format json} writes it
   */
  public TerragruntStackAction(String base, String head, String json) {
    this.base = base;
    this.head = head;
    this.json = json;
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
    return StackMaps.units(result().stack());
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
    return "Terragrunt stack";
  }

  @Override
  public String getUrlName() {
    return "terragrunt-stack";
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
