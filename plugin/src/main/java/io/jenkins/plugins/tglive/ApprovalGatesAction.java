package io.jenkins.plugins.tglive;

import hudson.model.Run;
import io.tglive.approval.GateState;
import io.tglive.approval.VoteLedger;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jenkins.model.Jenkins;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.interceptor.RequirePOST;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The build's approval gates page ({@code tglive-gates}): every gate of the build's run with its
 * plan summary and votes, Approve / Reject forms for open ones, and the {@code vote} POST endpoint
 * for people and scripts. It keeps nothing in build.xml: the gates and votes are in the run
 * directory's vote ledger.
 */
public final class ApprovalGatesAction implements RunAction2 {

  /** Where the page is under the build. */
  static final String URL_NAME = "tglive-gates";

  private transient Run<?, ?> run;

  @Override
  public String getIconFileName() {
    return "clipboard.png";
  }

  @Override
  public String getDisplayName() {
    return "Approval gates";
  }

  @Override
  public String getUrlName() {
    return URL_NAME;
  }

  @Override
  public void onAttached(Run<?, ?> r) {
    this.run = r;
  }

  @Override
  public void onLoad(Run<?, ?> r) {
    this.run = r;
  }

  /** The build, for the page's side panel. */
  public Run<?, ?> getRun() {
    return run;
  }

  /** Every gate of the build's run, open ones first. */
  public List<GateState> getGates() throws IOException {
    Path directory = BuildRunJournal.directory(run);
    if (!Files.isRegularFile(directory.resolve(io.tglive.run.state.RunLedger.JOURNAL))) {
      return List.of();
    }
    return VoteLedger.in(directory).gates().stream()
        .sorted(java.util.Comparator.comparing(g -> g.status().closed())).toList();
  }

  /**
   * Casts the authenticated user's vote: parameters {@code unit}, {@code plan} (the hash shown),
   * {@code decision} ({@code approve} / {@code reject}) and {@code comment}. Answers scripts with the
   * status of {@link GateVotes} and the vote's JSON ({@link io.tglive.approval.VoteAnswer}); the page's
   * forms ({@code from=page}) go back to the page, or get the refusal as one line of text.
   */
  @RequirePOST
  public void doVote(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
    Authentication who = Jenkins.getAuthentication2();
    List<String> groups = who.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    GateVotes.Reply reply = GateVotes.vote(BuildRunJournal.directory(run), who.getName(), groups,
        req.getParameter("unit"), req.getParameter("plan"), req.getParameter("decision"), req.getParameter("comment"));
    boolean page = "page".equals(req.getParameter("from"));
    if (reply.status() == 200 && page) {
      rsp.sendRedirect(".");
      return;
    }
    rsp.setStatus(reply.status());
    rsp.setContentType(page ? "text/plain;charset=UTF-8" : "application/json;charset=UTF-8");
    rsp.setCharacterEncoding(StandardCharsets.UTF_8.name());
    PrintWriter out = rsp.getWriter();
    out.print(page ? reply.message() + "\n" : reply.answer().json());
    out.flush();
  }
}
