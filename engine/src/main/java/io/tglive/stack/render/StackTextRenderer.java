package io.tglive.stack.render;

import io.tglive.change.Reason;
import io.tglive.stack.ApprovalPolicy;
import io.tglive.stack.DeployStack;
import io.tglive.stack.StackResult;
import io.tglive.stack.StackUnit;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The stack for terminals and build logs: a header, then each wave with its units, each unit with
 * its action, account, approval gate, reasons and what it waits for; then unmapped and ignored
 * files, excluded units and unresolved dependency paths.
 */
public final class StackTextRenderer {

  private StackTextRenderer() {}

  /** The text of the result, ending with a newline. */
  public static String render(StackResult result) {
    DeployStack stack = result.stack();
    StringBuilder out = new StringBuilder();
    out.append("stack ").append(abbreviate(result.base())).append("..").append(abbreviate(result.head()))
        .append(" (").append(result.diff().label()).append("): ")
        .append(count(stack.units().size(), "unit")).append(" in ").append(count(stack.order().size(), "wave"))
        .append('\n');
    List<List<String>> order = stack.order();
    for (int wave = 0; wave < order.size(); wave++) {
      out.append("wave ").append(wave).append('\n');
      List<String> level = order.get(wave);
      for (int i = 0; i < level.size(); i++) {
        boolean last = i == level.size() - 1;
        StackUnit unit = stack.units().get(level.get(i));
        String indent = last ? "    " : "│   ";
        out.append(last ? "└── " : "├── ").append(unit.action().label()).append(' ').append(unit.path())
            .append("  ").append(gate(unit)).append('\n');
        out.append(indent).append("reasons: ")
            .append(unit.reasons().stream().map(Reason::toString).collect(Collectors.joining(", "))).append('\n');
        if (!unit.after().isEmpty()) {
          out.append(indent).append("after: ").append(String.join(", ", unit.after())).append('\n');
        }
      }
    }
    list(out, "unmapped (no unit owns, reads or probes them; the stack may be incomplete)", result.unmapped());
    list(out, "ignored", result.ignored());
    list(out, "excluded (their exclude block keeps them out of plan and apply)", result.excluded());
    if (!result.unresolved().isEmpty()) {
      out.append("unresolved dependency paths (the stack may be incomplete):\n");
      for (StackResult.Unresolved edge : result.unresolved()) {
        out.append("  ").append(edge).append('\n');
      }
    }
    list(out, "missing dependencies (no unit at the target; the stack may be incomplete)", result.missing());
    return out.toString();
  }

  private static String gate(StackUnit unit) {
    if (unit.account() == null) {
      return "[no account]";
    }
    ApprovalPolicy policy = unit.policy();
    String gate = policy.approvalsRequired() == 0
        ? "no approval"
        : count(policy.approvalsRequired(), "approval") + " from " + String.join(", ", policy.voters());
    return "[" + unit.account() + ": " + gate + "]";
  }

  private static void list(StringBuilder out, String title, Collection<String> files) {
    if (!files.isEmpty()) {
      out.append(title).append(":\n");
      files.forEach(file -> out.append("  ").append(file).append('\n'));
    }
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String abbreviate(String sha) {
    return sha.length() > 10 ? sha.substring(0, 10) : sha;
  }
}
