package io.jenkins.plugins.tglive;

import hudson.model.Run;
import io.tglive.approval.GateState;
import io.tglive.approval.VoteLedger;
import io.tglive.rollback.ModeVote;
import io.tglive.rollback.RollbackPlan;
import io.tglive.rollback.RollbackPreview;
import io.tglive.rollback.RollbackRun;
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
    return gates(BuildRunJournal.directory(run));
  }

  /** Every gate of the build's rollback ({@code tgRollback}), open ones first; empty without one. */
  public List<GateState> getRollbackGates() throws IOException {
    return gates(RollbackRun.directory(BuildRunJournal.directory(run)));
  }

  /**
   * The rollback that {@code tgRollback(mode: 'all')} would run, in words, as the engine computed it when
   * the run's first unit was planned (before any gate opened); empty when there is none.
   */
  public List<String> getRollbackPreview() throws IOException {
    return RollbackPreview.read(BuildRunJournal.directory(run)).map(RollbackPlan::lines).orElse(List.of());
  }

  /** The vote on the rollback's mode ({@code tgRollbackGate}), or null when none was opened. */
  public ModeVote.State getModeVote() throws IOException {
    return ModeVote.read(BuildRunJournal.directory(run)).orElse(null);
  }

  /** The mode vote's tally in words. */
  public String getModeVoteText() throws IOException {
    ModeVote.State vote = getModeVote();
    return vote == null ? "" : ModeVote.describe(vote);
  }

  /**
   * Casts the authenticated user's vote on the rollback's mode: parameters {@code choice} and
   * {@code comment}. Answers 200, 400 (not offered), 403 (not a rollback voter, anonymous), 404 (no
   * vote open) or 409 (already chosen) with the JSON answer (no gate), or goes back to the page
   * ({@code from=page}) or gives the refusal as one line.
   */
  @RequirePOST
  public void doRollbackMode(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
    Authentication who = Jenkins.getAuthentication2();
    List<String> groups = who.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    reply(req, rsp, RollbackModeVotes.vote(BuildRunJournal.directory(run), who.getName(), groups,
        req.getParameter("choice"), req.getParameter("comment")));
  }

  private static void reply(StaplerRequest2 req, StaplerResponse2 rsp, GateVotes.Reply reply) throws IOException {
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

  private static List<GateState> gates(Path directory) throws IOException {
    if (!Files.isRegularFile(directory.resolve(io.tglive.run.state.RunLedger.JOURNAL))) {
      return List.of();
    }
    return VoteLedger.in(directory).gates().stream()
        .sorted(java.util.Comparator.comparing(g -> g.status().closed())).toList();
  }

  /**
   * Casts the authenticated user's vote: parameters {@code unit}, {@code plan} (the hash shown),
   * {@code decision} ({@code approve} / {@code reject}), {@code comment}, and {@code rollback=true} for a
   * step of the build's rollback. Answers scripts with the status of {@link GateVotes} and the vote's JSON
   * ({@link io.tglive.approval.VoteAnswer}); the page's forms ({@code from=page}) go back to the page, or
   * get the refusal as one line of text.
   */
  @RequirePOST
  public void doVote(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
    Authentication who = Jenkins.getAuthentication2();
    List<String> groups = who.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    Path directory = "true".equals(req.getParameter("rollback"))
        ? RollbackRun.directory(BuildRunJournal.directory(run)) : BuildRunJournal.directory(run);
    reply(req, rsp, GateVotes.vote(directory, who.getName(), groups, req.getParameter("unit"),
        req.getParameter("plan"), req.getParameter("decision"), req.getParameter("comment")));
  }
}
