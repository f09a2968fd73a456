package dev.ben.tests.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.benctl.BenctlHarness;
import dev.ben.benctl.BenctlHarness.Result;
import dev.ben.benctl.command.Environment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What the failover tests check of a cluster through benctl, as an operator would: a pipeline's
 * status, which spines run which version, and a staged or deployed version's answer.
 */
final class ClusterChecks {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration POLL = Duration.ofMillis(200);

  private ClusterChecks() {}

  /**
   * The node's answer to {@code benctl status PIPELINE}; null while it cannot answer (the probe is
   * retried). A short deadline, so a probe sent while the singletons move does not hide for long
   * when they have arrived.
   */
  static JsonNode status(Environment admin, String pipeline, String controlAddress) {
    Result run =
        BenctlHarness.run(
            admin, "status", pipeline, "--server", controlAddress, "--timeout", "2", "-o", "json");
    if (run.exitCode() != 0) {
      return null;
    }
    try {
      return JSON.readTree(run.out());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Exactly one spine of the pipeline per given node, each running {@code version}, acked. */
  static boolean spinesRun(
      JsonNode status, String pipeline, Set<String> nodeAddresses, long version) {
    if (status == null) {
      return false;
    }
    Set<String> nodesWithSpine = new TreeSet<>();
    int spines = 0;
    for (JsonNode component : status.get("components")) {
      if (!component.get("component").asText().startsWith(pipeline + "/spine@")) {
        continue;
      }
      spines++;
      if (component.get("running_version").asLong() != version
          || !component.get("acked").asBoolean()) {
        return false;
      }
      nodesWithSpine.add(component.get("node").asText());
    }
    return spines == nodeAddresses.size() && nodesWithSpine.equals(nodeAddresses);
  }

  static JsonNode json(Result run) {
    assertEquals(0, run.exitCode(), run::toString);
    try {
      return JSON.readTree(run.out());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + run, e);
    }
  }

  /** The version {@code benctl stage -o json} staged for {@code pipeline}. */
  static long stagedVersion(Result stage, String pipeline) {
    JsonNode staged = json(stage).get("staged");
    assertEquals(1, staged.size(), stage::toString);
    assertEquals(pipeline, staged.get(0).get("pipeline").asText(), stage::toString);
    return staged.get(0).get("version").asLong();
  }

  /** A deploy that returned because its version became active, not because --wait ran out. */
  static void assertActive(long version, Result deploy) {
    JsonNode status = json(deploy);
    assertEquals(version, status.get("active_version").asLong(), deploy::toString);
    assertEquals(0, status.get("activating_version").asLong(), deploy::toString);
  }

  /**
   * Polls until {@code done} holds, failing with the last value seen (and {@code context}) once the
   * deadline passes.
   */
  static <T> T await(
      String what, Duration timeout, Supplier<T> probe, Predicate<T> done, Supplier<String> context)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    T last = probe.get();
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "timed out after "
                + timeout.toSeconds()
                + " s waiting for "
                + what
                + "; last seen: "
                + (last instanceof JsonNode node ? node.toPrettyString() : last)
                + context.get());
      }
      TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
      last = probe.get();
    }
    return last;
  }
}
