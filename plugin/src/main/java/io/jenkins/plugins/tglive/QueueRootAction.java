package io.jenkins.plugins.tglive;

import hudson.Extension;
import hudson.model.RootAction;
import io.tglive.queue.DeployQueue;
import io.tglive.queue.QueueEntry;
import io.tglive.queue.QueueException;
import io.tglive.queue.QueueState;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.interceptor.RequirePOST;

/**
 * The deploy queues page ({@code /terragrunt-queues/}): each queue of a {@code terragruntQueue} trigger
 * with its deploying and waiting pull requests, positions and states; {@code override} and
 * {@code remove} are POST endpoints (with the CSRF crumb) for the users holding the configured
 * permission ({@code queuePermission} of {@link TerragruntLiveConfiguration}, by default Overall/Administer).
 */
@Extension
public final class QueueRootAction implements RootAction {

  /** Where the page is. */
  static final String URL_NAME = "terragrunt-queues";

  @Override
  public String getIconFileName() {
    return "notepad.png";
  }

  @Override
  public String getDisplayName() {
    return "Terragrunt deploy queues";
  }

  @Override
  public String getUrlName() {
    return URL_NAME;
  }

  /** One row of the page: position ({@code now} while deploying) and the entry. */
  public record Row(String position, QueueEntry entry) {}

  /** One queue on the page: its name, the jobs deploying it, its rows. */
  public record QueueView(String name, List<String> jobs, List<Row> rows, String error) {}

  /** Every queue of a started trigger, by name. */
  public List<QueueView> getQueues() {
    return queues(QueueDispatch.jenkins());
  }

  /** Whether the current user may override and remove: holds the configured permission (Overall/Administer by default). */
  public boolean isManager() {
    return Jenkins.get().hasPermission(TerragruntLiveConfiguration.get().queuePermission());
  }

  /** The permission override and remove need, as the refusal names it. */
  static String permissionLabel(String id) {
    return TerragruntLiveConfiguration.DEFAULT_QUEUE_PERMISSION.equals(id) ? "Overall/Administer" : id;
  }

  static List<QueueView> queues(QueueDispatch dispatch) {
    TreeMap<String, List<String>> jobs = new TreeMap<>();
    for (QueueTrigger trigger : QueueTrigger.active()) {
      jobs.computeIfAbsent(trigger.queueName(), name -> new ArrayList<>()).add(trigger.job().getFullName());
    }
    List<QueueView> views = new ArrayList<>();
    jobs.forEach((name, names) -> {
      try (DeployQueue queue = dispatch.open(name)) {
        QueueState state = queue.state();
        List<Row> rows = new ArrayList<>();
        state.deploying(name).ifPresent(e -> rows.add(new Row(e.stopRequested() ? "now (stopping)" : "now", e)));
        List<QueueEntry> waiting = state.waiting(name);
        for (int i = 0; i < waiting.size(); i++) {
          rows.add(new Row(String.valueOf(i + 1), waiting.get(i)));
        }
        views.add(new QueueView(name, List.copyOf(names), rows, null));
      } catch (IOException | QueueException e) {
        views.add(new QueueView(name, List.copyOf(names), List.of(), "cannot read the queue: " + e.getMessage()));
      }
    });
    return views;
  }

  /** Moves a waiting pull request to the front: {@code queue}, {@code pr}. */
  @RequirePOST
  public void doOverride(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
    respond(req, rsp, change(QueueDispatch.jenkins(), "override", req.getParameter("queue"), req.getParameter("pr"),
        null, isManager(), Jenkins.getAuthentication2().getName(),
        TerragruntLiveConfiguration.get().queuePermissionId()));
  }

  /** Takes a waiting pull request out of the queue: {@code queue}, {@code pr}, {@code reason}. */
  @RequirePOST
  public void doRemove(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
    respond(req, rsp, change(QueueDispatch.jenkins(), "remove", req.getParameter("queue"), req.getParameter("pr"),
        req.getParameter("reason"), isManager(), Jenkins.getAuthentication2().getName(),
        TerragruntLiveConfiguration.get().queuePermissionId()));
  }

  /** An HTTP answer: status and one line. */
  record Reply(int status, String message) {}

  /**
   * Checks the permission ({@code manager}: whether {@code who} holds {@code permission}, an id) and the
   * input, then lets the engine override or remove.
   */
  static Reply change(QueueDispatch dispatch, String what, String queueName, String prText, String reason,
      boolean manager, String who, String permission) {
    if (!manager) {
      return new Reply(403, who + " may not " + what + ": it needs the " + permissionLabel(permission) + " permission");
    }
    boolean known = QueueTrigger.active().stream().anyMatch(t -> t.queueName().equals(queueName));
    if (queueName == null || !known) {
      return new Reply(404, "no deploy queue named '" + queueName + "'");
    }
    int pr;
    try {
      pr = Integer.parseInt(prText == null ? "" : prText.strip());
    } catch (NumberFormatException e) {
      return new Reply(400, "pr must be a pull request number, not '" + prText + "'");
    }
    try (DeployQueue queue = dispatch.open(queueName)) {
      QueueEntry entry = what.equals("override") ? queue.override(queueName, pr, who)
          : queue.remove(queueName, pr, who, reason);
      return new Reply(200, what + ": " + entry.label() + " in queue " + queueName + " by " + who);
    } catch (QueueException e) {
      return new Reply(409, e.getMessage());
    } catch (IOException e) {
      return new Reply(500, "cannot write the queue " + queueName + ": " + e.getMessage());
    }
  }

  private static void respond(StaplerRequest2 req, StaplerResponse2 rsp, Reply reply) throws IOException {
    if (reply.status() == 200 && "page".equals(req.getParameter("from"))) {
      rsp.sendRedirect(".");
      return;
    }
    rsp.setStatus(reply.status());
    rsp.setContentType("text/plain;charset=UTF-8");
    rsp.setCharacterEncoding(StandardCharsets.UTF_8.name());
    PrintWriter out = rsp.getWriter();
    out.println(reply.message());
    out.flush();
  }
}
