package io.tglive.stack.render;

import io.tglive.graph.render.DotText;
import io.tglive.stack.DeployStack;
import io.tglive.stack.StackAction;
import io.tglive.stack.StackUnit;

/** GraphViz DOT of a stack: units sorted by path, each with edges to the units it waits for; destroys red. */
public final class StackDotRenderer {

  private StackDotRenderer() {}

  /** The DOT text of the stack. */
  public static String render(DeployStack stack) {
    StringBuilder out = new StringBuilder("digraph {\n");
    for (StackUnit unit : stack.units().values()) {
      out.append('\t').append(DotText.quote(unit.path())).append(' ');
      if (unit.action() == StackAction.DESTROY) {
        out.append("[color=red]");
      }
      out.append(";\n");
      for (String awaited : unit.after()) {
        out.append('\t').append(DotText.quote(unit.path())).append(" -> ").append(DotText.quote(awaited)).append(";\n");
      }
    }
    return out.append("}\n").toString();
  }
}
