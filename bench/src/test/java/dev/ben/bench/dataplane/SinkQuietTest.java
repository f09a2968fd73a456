package dev.ben.bench.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.streams.store.AnalyticalStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class SinkQuietTest {

  @Test
  void theTableIsMergedOnlyOnceNoMergeRunsAndTheClockStartsAfterAQuietSpell() throws Exception {
    Server server = new Server(3, 0, 0, 2, 0);
    SinkQuiet.Waited waited = new SinkQuiet(server).settle("db.logins");
    assertTrue(waited.quiet());
    assertEquals(
        List.of("merges 3", "merges 0", "merges 0", "merges 2", "merges 0"),
        server.log.subList(0, 5));
    String optimize = "OPTIMIZE TABLE db.logins FINAL";
    int merged = server.log.indexOf(optimize);
    assertEquals(merged, server.log.lastIndexOf(optimize));
    // Before the merge and after it, the server ran none for a whole quiet spell of polls.
    assertTrue(merged > 5, server.log.toString());
    assertTrue(server.log.size() - merged > 2, server.log.toString());
    for (String asked : server.log.subList(4, server.log.size())) {
      assertTrue(asked.equals("merges 0") || asked.equals(optimize), asked);
    }
    assertTrue(waited.took().compareTo(SinkQuiet.QUIET.multipliedBy(2)) >= 0, waited.describe());
  }

  /** A server whose running merges are scripted, then none; it records what it was asked. */
  private static final class Server implements AnalyticalStore {
    private final ObjectMapper mapper = new ObjectMapper();
    private final Deque<Integer> merges = new ArrayDeque<>();
    private final List<String> log = new ArrayList<>();

    Server(Integer... running) {
      merges.addAll(List.of(running));
    }

    @Override
    public List<ObjectNode> queryJson(String sql) {
      int running = merges.isEmpty() ? 0 : merges.pop();
      log.add("merges " + running);
      return List.of(mapper.createObjectNode().put("merges", Integer.toString(running)));
    }

    @Override
    public void execute(String sql) {
      log.add(sql);
    }

    @Override
    public void insertJsonRows(String table, List<String> jsonRows) {
      throw new UnsupportedOperationException();
    }

    @Override
    public String describe() {
      return "scripted server";
    }

    @Override
    public boolean embedded() {
      return false;
    }

    @Override
    public void close() {}
  }
}
