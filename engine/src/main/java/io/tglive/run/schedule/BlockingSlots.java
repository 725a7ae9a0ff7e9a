package io.tglive.run.schedule;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** {@link Slots} for threads: {@link #acquire} blocks until the request is granted. */
public final class BlockingSlots {

  private final Slots slots;
  private final Set<Slots.Request> granted = new HashSet<>();

  public BlockingSlots(int global, Map<String, Integer> perAccount) {
    this.slots = new Slots(global, perAccount);
  }

  /** Waits for a slot; on interrupt the request is withdrawn (or its slot given back). */
  public synchronized void acquire(Slots.Request request) throws InterruptedException {
    slots.request(request);
    granted.addAll(slots.grant());
    notifyAll();
    try {
      while (!granted.contains(request)) {
        wait();
      }
      granted.remove(request);
    } catch (InterruptedException e) {
      if (granted.remove(request)) {
        release(request);
      } else {
        slots.withdraw(request);
      }
      throw e;
    }
  }

  /** Gives back a slot and hands the free capacity to the next waiting requests. */
  public synchronized void release(Slots.Request request) {
    slots.release(request);
    granted.addAll(slots.grant());
    notifyAll();
  }
}
