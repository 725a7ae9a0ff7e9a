package io.tglive.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.tglive.approval.Decision;
import io.tglive.approval.GateTerms;
import io.tglive.approval.Membership;
import io.tglive.approval.VoteLedger;
import io.tglive.approval.VoteRequest;
import io.tglive.run.terragrunt.PlanSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditTableTest {

  @TempDir Path tmp;

  @Test
  void theReportListsEveryVoteEscaped() throws Exception {
    SampleRun.write(tmp);
    VoteLedger ledger = VoteLedger.in(tmp);
    PlanSummary plan = new PlanSummary(1, 0, 0, 0, List.of(), new TreeSet<>(), List.of(), new TreeSet<>(), List.of(),
        "e".repeat(64));
    ledger.open("app", plan, new GateTerms(List.of("alice", "<b>bob</b>"), 2, 1, false, List.of(), null, ""),
        "PR #12 & <x>", "c".repeat(40));
    ledger.vote(new VoteRequest("app", null, "alice", Decision.APPROVE, "looks <fine>"), Membership.NONE);
    ledger.vote(new VoteRequest("app", null, "<b>bob</b>", Decision.REJECT, ""), Membership.NONE);

    String html = Files.readString(RunReport.write(tmp));

    assertThat(html).contains("<h2>Approvals</h2>", "<tr data-unit=\"app\" data-voter=\"alice\">",
        "<td>approve</td><td>looks &lt;fine&gt;</td>", "data-voter=\"&lt;b&gt;bob&lt;/b&gt;\"", "<td>reject</td>",
        "PR #12 &amp; &lt;x&gt;", "<code>eeeeeeeeeeee</code>");
    assertThat(html).doesNotContain("<b>bob</b>", "<x>");
  }

  @Test
  void aRunWithoutVotesHasNoApprovalsSection() throws Exception {
    SampleRun.write(tmp);
    assertThat(Files.readString(RunReport.write(tmp))).doesNotContain("<h2>Approvals</h2>");
  }
}
