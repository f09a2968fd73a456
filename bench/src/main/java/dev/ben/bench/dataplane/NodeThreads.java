package dev.ben.bench.dataplane;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The node's threads as {@code jcmd PID Thread.print} prints them, and the load's own beside them,
 * written to files when a load sees the node stop answering ({@link InvokeLoad#STALL}): what every
 * thread waited on at that moment, kept beside the figures, since a stall is over by the time a run
 * ends.
 */
final class NodeThreads {

  private final long pid;
  private final Path directory;

  private NodeThreads(long pid, Path directory) {
    this.pid = pid;
    this.directory = directory;
  }

  /** The node with process id {@code pid}, or nothing when no pid was given (0). */
  static Optional<NodeThreads> of(long pid, Path directory) {
    return pid > 0 ? Optional.of(new NodeThreads(pid, directory)) : Optional.empty();
  }

  /** The file a dump for {@code name} goes to. */
  Path file(String name) {
    return directory.resolve("node-stall-" + name + ".txt");
  }

  /** The file the load's own threads at that moment go to, beside the node's. */
  Path loadFile(String name) {
    return directory.resolve("node-stall-" + name + "-load.txt");
  }

  /**
   * Writes the node's threads to {@link #file} and this process's (the load's: one that stopped
   * reading answers looks the same from outside) to {@link #loadFile}; a dump that cannot be taken
   * writes why instead.
   */
  Runnable dumpTo(String name) {
    return () -> {
      dump(pid, file(name));
      dump(ProcessHandle.current().pid(), loadFile(name));
    };
  }

  private static void dump(long pid, Path file) {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    try {
      Process dump =
          new ProcessBuilder(jcmd, Long.toString(pid), "Thread.print", "-l")
              .redirectErrorStream(true)
              .redirectOutput(file.toFile())
              .start();
      dump.waitFor();
    } catch (IOException e) {
      write(file, "jcmd " + pid + " Thread.print failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text + System.lineSeparator());
    } catch (IOException ignored) {
      // Nowhere left to say it; the figure's line still counts the stall's failures.
    }
  }
}
