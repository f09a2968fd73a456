package dev.ben.streams.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShardGroupsTest {

  private static DetectInput input(int at) {
    return new DetectInput(
        JsonNodeFactory.instance.objectNode().put("at", at), List.of(), List.of(), Map.of(), at);
  }

  @Test
  void groupsKeepTheirEventsInOrderAndAppearInTheOrderTheyFirstDid() {
    ShardGroups groups = new ShardGroups(4);
    int[][] events = {{1, 3}, {1, 0}, {1, 3}, {2, 3}, {1, 0}, {1, 3}};
    for (int i = 0; i < events.length; i++) {
      groups.of(events[i][0], "login", events[i][1]).add(i, input(i));
    }
    groups.of(1, "logout", 3).add(6, input(6));

    List<String> seen = new ArrayList<>();
    for (ShardGroups.Group group : groups.inOrder()) {
      StringBuilder positions = new StringBuilder();
      for (int k = 0; k < group.size(); k++) {
        positions.append(group.position(k));
        assertEquals(group.position(k), group.inputs.get(k).atMillis(), "its own input");
      }
      seen.add(group.version + "/" + group.schema + "/" + group.shard + ":" + positions);
    }
    assertEquals(List.of("1/login/3:025", "1/login/0:14", "2/login/3:3", "1/logout/3:6"), seen);
    assertSame(groups.of(1, "login", 3), groups.inOrder().get(0), "found again, not made anew");
  }

  @Test
  void aGroupHoldsAnyNumberOfEvents() {
    ShardGroups groups = new ShardGroups(1);
    for (int i = 0; i < 1_000; i++) {
      groups.of(7, "login", 0).add(i, input(i));
    }
    ShardGroups.Group group = groups.inOrder().get(0);
    assertEquals(1_000, group.size());
    assertEquals(999, group.position(999));
  }
}
