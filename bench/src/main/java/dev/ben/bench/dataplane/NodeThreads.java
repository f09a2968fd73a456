package dev.ben.bench.dataplane;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The node's threads as {@code jcmd PID Thread.print} prints them, written to a file when a load
 * sees the node stop answering ({@link InvokeLoad#STALL}): what every thread of the node waited on
 * at that moment, kept beside the figures, since a stall is over by the time a run ends.
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

  /** Writes the dump to {@link #file}; a dump that cannot be taken writes why instead. */
  Runnable dumpTo(String name) {
    return () -> {
      Path file = file(name);
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
    };
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text + System.lineSeparator());
    } catch (IOException ignored) {
      // Nowhere left to say it; the figure's line still counts the stall's failures.
    }
  }
}
