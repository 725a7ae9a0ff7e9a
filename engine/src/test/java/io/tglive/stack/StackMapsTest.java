package io.tglive.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackMapsTest {

  private final List<Map<String, Object>> units = StackMaps.units(StackSamples.result());

  @Test
  void listsUnitsInDeployOrder() {
    assertThat(units).extracting(unit -> unit.get("path"))
        .containsExactly("live/dev/old", "live/prod/vpc", "live/prod/app");
  }

  @Test
  void describesEachUnitWithItsPolicyAndNeighbours() {
    assertThat(units.get(2)).containsExactly(
        Map.entry("path", "live/prod/app"),
        Map.entry("action", "apply"),
        Map.entry("commit", StackSamples.result().head()),
        Map.entry("reasons", List.of("dependent-of:live/prod/vpc", "reads:live/prod/env.hcl")),
        Map.entry("account", "prod"),
        Map.entry("policy", Map.of("voters", List.of("alice", "group:ops"), "approvalsRequired", 2,
            "rejectionsRequired", 1)),
        Map.entry("dependencies", List.of("live/prod/vpc")),
        Map.entry("dependents", List.of()),
        Map.entry("after", List.of("live/prod/vpc")),
        Map.entry("wave", 1),
        Map.entry("criticalPath", 0));
    assertThat(units.get(0)).containsEntry("action", "destroy").containsEntry("account", null)
        .as("a deleted unit exists only in the base tree").containsEntry("commit", StackSamples.result().base());
  }

  @Test
  void holdsOnlyPlainMutableJdkTypes() {
    for (Map<String, Object> unit : units) {
      assertThat(unit).isExactlyInstanceOf(LinkedHashMap.class);
      assertThat(unit.get("reasons")).isExactlyInstanceOf(ArrayList.class);
      assertThat(unit.get("policy")).isExactlyInstanceOf(LinkedHashMap.class);
      assertThat(unit.get("wave")).isExactlyInstanceOf(Integer.class);
    }
    assertThat(units).isExactlyInstanceOf(ArrayList.class);
  }

  @Test
  void survivesJavaSerialization() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(units);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isEqualTo(units);
    }
  }
}
