package io.tglive.approval;

import io.tglive.policy.Account;
import io.tglive.policy.GateRules;
import io.tglive.run.terragrunt.PlanSummary;
import io.tglive.stack.ApprovalPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules of one gate, fixed when it opens: who may vote, how many approvals pass it and how many
 * rejections stop it (already raised for a destroy or a new provider), who wrote the change, and
 * until when it stays open.
 *
 * @param voters user ids and {@code group:NAME} entries
 * @param approvalsRequired approvals that pass the gate
 * @param rejectionsRequired rejections that stop it
 * @param allowSelfApproval whether an author may approve
 * @param authors the change's author identities (name, e-mail, e-mail local part), compared without case
 * @param deadline ISO-8601 instant after which the gate is rejected with reason {@code timeout}; null: none
 * @param stricter why more approvals than the account's are required ({@code destroy}, {@code new provider}), or empty
 */
public record GateTerms(List<String> voters, int approvalsRequired, int rejectionsRequired, boolean allowSelfApproval,
    List<String> authors, String deadline, String stricter) {

  public GateTerms {
    voters = List.copyOf(voters);
    authors = authors == null ? List.of() : List.copyOf(authors);
    stricter = stricter == null ? "" : stricter;
  }

  /**
   * The terms for a plan under a policy: a destroy needs {@code destroyApprovalsRequired} (default
   * approvalsRequired + 1, at most the number of listed voters when no group is listed), a plan
   * adding a provider {@code newProviderApprovalsRequired} (default approvalsRequired).
   */
  public static GateTerms of(ApprovalPolicy policy, PlanSummary plan, boolean destroy, List<String> authors,
      Instant now) {
    GateRules rules = policy.rules();
    int required = policy.approvalsRequired();
    List<String> why = new ArrayList<>();
    if (destroy) {
      int destroyRequired = rules.destroyApprovalsRequired() != null ? rules.destroyApprovalsRequired()
          : boundedByVoters(required + 1, policy.voters());
      if (destroyRequired > required) {
        required = destroyRequired;
        why.add("destroy");
      }
    }
    if (!plan.providersAdded().isEmpty() && rules.newProviderApprovalsRequired() != null
        && rules.newProviderApprovalsRequired() > required) {
      required = rules.newProviderApprovalsRequired();
      why.add("new provider " + String.join(", ", plan.providersAdded()));
    }
    String deadline = rules.timeoutDuration().map(d -> now.plus(d).toString()).orElse(null);
    return new GateTerms(policy.voters(), required, policy.rejectionsRequired(), rules.allowSelfApproval(), authors,
        deadline, String.join("; ", why));
  }

  private static int boundedByVoters(int count, List<String> voters) {
    return voters.stream().anyMatch(Account::isGroup) ? count : Math.min(count, voters.size());
  }

  /** Whether {@code user} may vote: listed, or a member of a listed group. Users compare without case. */
  public boolean isVoter(String user, Membership membership) {
    for (String voter : voters) {
      if (Account.isGroup(voter)) {
        if (membership.isMember(user, voter.substring(Account.GROUP_PREFIX.length()))) {
          return true;
        }
      } else if (voter.equalsIgnoreCase(user)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code user} wrote the change. */
  public boolean isAuthor(String user) {
    String id = user.toLowerCase(Locale.ROOT);
    return authors.stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).equals(id));
  }

  /**
   * Why no set of votes could ever pass the gate (only listed users, too few of them besides the
   * author), or empty. Groups make the voters unbounded.
   */
  public Optional<String> unreachable() {
    if (voters.stream().anyMatch(Account::isGroup)) {
      return Optional.empty();
    }
    long eligible = voters.stream().filter(v -> allowSelfApproval || !isAuthor(v)).count();
    if (eligible >= approvalsRequired) {
      return Optional.empty();
    }
    return Optional.of("it needs " + approvalsRequired + " approval(s) but only " + eligible
        + " voter(s) may approve" + (allowSelfApproval ? "" : " (the change's author may not)"));
  }

  /** Author identities for a git author: the name, the e-mail and the e-mail's local part. */
  public static List<String> authorIdentities(String name, String email) {
    List<String> ids = new ArrayList<>();
    if (name != null && !name.isBlank()) {
      ids.add(name.strip());
    }
    if (email != null && !email.isBlank()) {
      ids.add(email.strip());
      int at = email.indexOf('@');
      if (at > 0) {
        ids.add(email.substring(0, at).strip());
      }
    }
    return List.copyOf(ids);
  }
}
