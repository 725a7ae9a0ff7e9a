package io.tglive.stack.render;

import io.tglive.stack.DeployStack;
import io.tglive.stack.StackAction;
import io.tglive.stack.StackUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** A mermaid flowchart of a stack: edges from each unit to the units it waits for; destroys in their own class. */
public final class StackMermaidRenderer {

  private StackMermaidRenderer() {}

  /** The mermaid text of the stack. */
  public static String render(DeployStack stack) {
    Map<String, String> ids = new HashMap<>();
    Set<String> used = new HashSet<>();
    StringBuilder out = new StringBuilder("graph TD\n");
    for (StackUnit unit : stack.units().values()) {
      StringBuilder id = new StringBuilder("u_");
      for (char c : unit.path().toCharArray()) {
        id.append(Character.isLetterOrDigit(c) && c < 128 ? c : '_');
      }
      String candidate = id.toString();
      for (int n = 2; !used.add(candidate); n++) {
        candidate = id + "_" + n;
      }
      ids.put(unit.path(), candidate);
      out.append("  ").append(candidate).append("[\"").append(unit.action().label()).append(' ')
          .append(unit.path().replace("\"", "#quot;")).append("\"]")
          .append(unit.action() == StackAction.DESTROY ? ":::destroy" : "").append('\n');
    }
    for (StackUnit unit : stack.units().values()) {
      for (String awaited : unit.after()) {
        out.append("  ").append(ids.get(unit.path())).append(" --> ").append(ids.get(awaited)).append('\n');
      }
    }
    out.append("  classDef destroy stroke:#d00,color:#d00\n");
    return out.toString();
  }
}
