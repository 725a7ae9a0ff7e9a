package io.tglive.rollback;

import io.tglive.stack.ApprovalPolicy;
import java.util.List;

/**
 * One step of a rollback: planned, gated and applied like a unit of a run.
 *
 * @param id the step's name in the rollback run: the unit's path, or {@code <path>#new-providers}
 *     for the targeted destroy that comes before a unit's base re-apply
 * @param unit the unit's repository path (where terragrunt runs)
 * @param action what the step does
 * @param account the unit's account, or null
 * @param targets full resource addresses destroyed by {@code -target} ({@link RollbackAction#DESTROY_NEW_PROVIDERS})
 * @param providers the providers the change added to the unit, when any
 * @param after the steps that must finish first (dependents before their dependencies)
 * @param policy who approves the step
 * @param why why the unit rolls back
 */
public record RollbackStep(
    String id,
    String unit,
    RollbackAction action,
    String account,
    List<String> targets,
    List<String> providers,
    List<String> after,
    ApprovalPolicy policy,
    String why) {

  /** The suffix of a targeted destroy step's id. */
  public static final String NEW_PROVIDERS = "#new-providers";

  public RollbackStep {
    targets = List.copyOf(targets);
    providers = List.copyOf(providers);
    after = List.copyOf(after);
  }

  /** One line: {@code apply base  dev/app  (why)}, with the targets of a targeted destroy. */
  public String describe() {
    StringBuilder line = new StringBuilder(action.label()).append(": ").append(unit);
    if (!targets.isEmpty()) {
      line.append(" (-target ").append(String.join(", ", targets)).append(')');
    }
    if (!providers.isEmpty() && action != RollbackAction.DESTROY_NEW_PROVIDERS) {
      line.append(" [new providers: ").append(String.join(", ", providers)).append(']');
    }
    if (!after.isEmpty()) {
      line.append(" after ").append(String.join(", ", after));
    }
    return line.append(" — ").append(why).toString();
  }
}
