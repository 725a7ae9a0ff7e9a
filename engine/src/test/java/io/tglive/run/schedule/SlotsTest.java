package io.tglive.run.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlotsTest {

  @Test
  void theLongestCriticalPathIsGrantedFirst() {
    Slots slots = new Slots(2, Map.of());
    slots.request(new Slots.Request("short", null, 1));
    slots.request(new Slots.Request("long", null, 9));
    slots.request(new Slots.Request("middle", null, 5));
    assertThat(slots.grant()).extracting(Slots.Request::unit).containsExactly("long", "middle");
    assertThat(slots.grant()).isEmpty();
  }

  @Test
  void aFullAccountDoesNotHoldBackOtherAccounts() {
    Slots slots = new Slots(3, Map.of("prod", 1));
    slots.request(new Slots.Request("p1", "prod", 9));
    slots.request(new Slots.Request("p2", "prod", 8));
    slots.request(new Slots.Request("d1", "dev", 1));
    List<Slots.Request> granted = slots.grant();
    assertThat(granted).extracting(Slots.Request::unit).containsExactly("p1", "d1");
    slots.release(granted.get(0));
    assertThat(slots.grant()).extracting(Slots.Request::unit).containsExactly("p2");
  }

  @Test
  void theGlobalLimitHolds() {
    Slots slots = new Slots(1, Map.of());
    Slots.Request a = new Slots.Request("a", null, 1);
    slots.request(a);
    slots.request(new Slots.Request("b", null, 1));
    assertThat(slots.grant()).containsExactly(a);
    assertThat(slots.grant()).isEmpty();
    slots.release(a);
    assertThat(slots.grant()).extracting(Slots.Request::unit).containsExactly("b");
  }
}
