package io.tglive.queue;

/**
 * What {@link DeployQueue#add} did.
 *
 * @param entry the entry for the request (the existing one when the request was already in the queue)
 * @param superseded the waiting entry of the same pull request it replaced, or null
 * @param added false when the same merge commit was already queued, deploying or deployed: nothing changed
 */
public record AddResult(QueueEntry entry, QueueEntry superseded, boolean added) {}
