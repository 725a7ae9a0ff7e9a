package io.jenkins.plugins.tglive;

/**
 * The GitHub check a preview publishes: always under the same name, so a new commit's preview
 * replaces the last one on the pull request.
 *
 * @param name the check's name
 * @param completed false while the units are being planned
 * @param success whether the preview found nothing to look into (every plan succeeded, the stack is complete)
 * @param title one line: the preview's headline
 * @param summary the markdown table of the units
 */
record PreviewCheck(String name, boolean completed, boolean success, String title, String summary) {

  /** The check while the preview runs. */
  static PreviewCheck inProgress(String name, String target) {
    return new PreviewCheck(name, false, false, "Planning " + target + " read-only…",
        "The units of this pull request are being planned. Nothing is applied.");
  }
}
