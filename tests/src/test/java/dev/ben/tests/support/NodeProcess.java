package dev.ben.tests.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Java main class of the node's class path (this JVM's) run as its own process, as {@code ./ben}
 * runs it, with the production logging configuration and no {@code BEN_*} variable of the calling
 * shell; or any command ({@link #command}). Its output lines (stdout and stderr together) are kept
 * for the test to wait on.
 */
public final class NodeProcess implements AutoCloseable {

  private final String name;
  private final Process process;
  private final List<String> lines = new ArrayList<>();
  private volatile boolean stopping;

  private NodeProcess(String name, Process process) {
    this.name = name;
    this.process = process;
    Thread reader = new Thread(this::read, name + "-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** {@code ./ben node --config FILE} with {@code config} as FILE (written under {@code dir}). */
  public static NodeProcess node(String name, Path dir, String config) throws IOException {
    Path file = Files.writeString(dir.resolve(name + ".conf"), config);
    return start(name, "dev.ben.actors.node.BenNode", "--config", file.toString());
  }

  /**
   * A TCP port free on 127.0.0.1 right now, for a node's listener, and not handed out before in
   * this JVM. It lies below the kernel's ephemeral range: a port from that range can be taken by
   * any outgoing connection (a ClickHouse client's, say) between this call and the node's bind, or
   * while a killed node is restarted on it.
   */
  public static int freePort() {
    return ListenerPorts.free();
  }

  /**
   * The command {@code builder} describes, with its environment and working directory (a launcher
   * script of the distribution, say).
   */
  public static NodeProcess command(String name, ProcessBuilder builder) throws IOException {
    return new NodeProcess(name, builder.redirectErrorStream(true).start());
  }

  /** Any main class on the node's class path, with arguments. */
  public static NodeProcess start(String name, String mainClass, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-Xmx384m",
            "-XX:TieredStopAtLevel=1",
            // What ./ben node logs, not this module's test logging.
            "-Dlogback.configurationFile=logback.xml",
            // Pekko's cluster says at INFO who joins and becomes Up.
            "-DBEN_PEKKO_LOG_LEVEL=INFO",
            "-cp",
            System.getProperty("java.class.path"),
            mainClass));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(key -> key.startsWith("BEN_"));
    return new NodeProcess(name, builder.start());
  }

  /** The first output line matching {@code wanted}, waiting up to {@code timeout} for it. */
  public String awaitLine(Predicate<String> wanted, String what, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lines) {
      while (true) {
        Optional<String> found = lines.stream().filter(wanted).findFirst();
        if (found.isPresent()) {
          return found.get();
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(
              name + " did not log " + what + " within " + timeout + "; its output:\n" + output());
        }
        lines.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
      }
    }
  }

  /** Every line so far matching {@code wanted}. */
  public List<String> linesMatching(Predicate<String> wanted) {
    synchronized (lines) {
      return lines.stream().filter(wanted).toList();
    }
  }

  /** Waits for the process to end and returns its exit status. */
  public int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(name + " did not exit within " + timeout + ":\n" + output());
    }
    return process.exitValue();
  }

  public String output() {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }

  /**
   * Kills it with SIGKILL, as a crash or the kernel's OOM killer would: no shutdown hook, no flush,
   * no goodbye to the cluster. Returns once the process is gone.
   */
  public void kill() throws InterruptedException {
    stopping = true;
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError(name + " survived SIGKILL for 30 s");
    }
  }

  /** The process's id (the JVM's, as the distribution's launchers exec it). */
  public long pid() {
    return process.pid();
  }

  /** Stops it as Ctrl-C would (coordinated shutdown), forcibly after 30 seconds. */
  @Override
  public void close() {
    stopping = true;
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void read() {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        synchronized (lines) {
          lines.add(line);
          lines.notifyAll();
        }
      }
    } catch (IOException e) {
      // Stopping a process closes its pipe under the reader; the output so far is what it said.
      if (!stopping && process.isAlive()) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
