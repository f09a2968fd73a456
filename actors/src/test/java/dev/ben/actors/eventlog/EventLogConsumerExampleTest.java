package dev.ben.actors.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ben.actors.testing.CapturedLogs;
import dev.ben.actors.testing.TestNode;
import dev.ben.streams.auth.StoredUser;
import dev.ben.streams.auth.UserRole;
import dev.ben.streams.eventlog.Component;
import dev.ben.streams.eventlog.EventDraft;
import dev.ben.streams.eventlog.StoredEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example consumer in {@code examples/eventlog-consumer}, compiled from its source and run
 * against a whole node: a run that crashes after Started leaves the event to the next run once the
 * lease passes, which finishes it, and a finished event is not handed out again.
 */
@CapturedLogs
class EventLogConsumerExampleTest {

  private static final Path SOURCE =
      Path.of("..", "examples", "eventlog-consumer", "EventLogConsumer.java");

  private static TestNode node;
  private static Method run;

  @TempDir static Path classes;

  @BeforeAll
  static void compileAndStart() throws Exception {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int status =
        javac.run(
            null,
            diagnostics,
            diagnostics,
            "-Xlint:all",
            "-Werror",
            "-proc:none",
            "-cp",
            System.getProperty("java.class.path"),
            "-d",
            classes.toString(),
            SOURCE.toString());
    assertEquals(0, status, diagnostics.toString(StandardCharsets.UTF_8));
    ClassLoader loader =
        new URLClassLoader(
            new URL[] {classes.toUri().toURL()},
            EventLogConsumerExampleTest.class.getClassLoader());
    run = loader.loadClass("EventLogConsumer").getMethod("run", PrintStream.class, String[].class);
    node = new TestNode("ben.node.pass-through-pipelines = []", batch -> {});
    node.identities().createUser(new StoredUser("responder", UserRole.VIEWER, "unused"));
    node.eventLog.register("admin", new Component("responder", Set.of(), Set.of("playbook.fired")));
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
  }

  private static List<String> consumer(String... options) throws Exception {
    String token = node.tokens().issue("responder", UserRole.VIEWER).token();
    String[] args = new String[options.length + 4];
    System.arraycopy(
        new String[] {"--server", node.controlAddress(), "--token", token}, 0, args, 0, 4);
    System.arraycopy(options, 0, args, 4, options.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      assertEquals(0, run.invoke(null, print, args));
    }
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void aCrashAfterStartedIsRedeliveredAndAFinishedEventNeverIs() throws Exception {
    StoredEvent fired =
        node.eventLog.publish(
            "detector",
            EventDraft.of(
                "playbook.fired",
                "lockout for k1",
                JsonNodeFactory.instance
                    .objectNode()
                    .put("playbook", "lockout")
                    .set("actions", JsonNodeFactory.instance.arrayNode().add("lock"))));
    String id = fired.id();

    assertEquals(
        List.of(
            "claimed " + id + " (attempt 1): lockout for k1", "crashing with " + id + " Started"),
        consumer("--lease", "0.3s", "--crash-after-start"));
    assertEquals(
        List.of(
            "claimed " + id + " (attempt 2): lockout for k1",
            "moved " + id + " to IN_PROGRESS",
            "moved " + id + " to SUCCEEDED",
            "status of " + id + ": responder SUCCEEDED (attempt 2)"),
        consumer("--wait", "10s"));
    assertEquals(List.of("nothing to do"), consumer());
    assertTrue(node.eventLog.statuses(id).get(0).finished(), node.eventLog.statuses(id).toString());
  }
}
