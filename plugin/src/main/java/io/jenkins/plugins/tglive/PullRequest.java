package io.jenkins.plugins.tglive;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pull request a multibranch build is for, from the environment branch-api gives it
 * ({@code CHANGE_ID}, {@code CHANGE_TARGET}, {@code CHANGE_AUTHOR}, {@code CHANGE_URL}; set by
 * github-branch-source for a {@code PullRequestSCMHead}).
 *
 * @param number the pull request's number
 * @param target the branch it merges into
 * @param author the author's login, or null
 * @param url its page, or null
 */
record PullRequest(String number, String target, String author, String url) {

  /** The build's pull request, or null when the build is not for one (no {@code CHANGE_ID}). */
  static PullRequest of(Map<String, String> environment) {
    String number = blankToNull(environment.get("CHANGE_ID"));
    if (number == null) {
      return null;
    }
    return new PullRequest(number, blankToNull(environment.get("CHANGE_TARGET")),
        blankToNull(environment.get("CHANGE_AUTHOR")), blankToNull(environment.get("CHANGE_URL")));
  }

  /** {@code PR #12 by alice into main}. */
  String describe() {
    return "PR #" + number + (author == null ? "" : " by " + author) + (target == null ? "" : " into " + target);
  }

  /** As the step returns it. */
  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("number", number);
    map.put("target", target);
    map.put("author", author);
    map.put("url", url);
    return map;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
