package dev.ben.tests.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for the listeners of node processes, drawn at random below the kernel's ephemeral range
 * (read from {@code /proc/sys/net/ipv4/ip_local_port_range}) so that no outgoing connection takes
 * one between the draw and the node's bind. Each is checked free on 127.0.0.1 and handed out once
 * per JVM.
 */
final class ListenerPorts {

  /** The lowest port drawn: above the registered services a test machine commonly runs. */
  private static final int LOWEST = 10_000;

  private static final int ATTEMPTS = 1_000;
  private static final Set<Integer> HANDED_OUT = new HashSet<>();

  private ListenerPorts() {}

  static synchronized int free() {
    int below = ephemeralLow();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
      if (!HANDED_OUT.contains(port) && bindable(port)) {
        HANDED_OUT.add(port);
        return port;
      }
    }
    throw new IllegalStateException(
        "no free port between " + LOWEST + " and " + below + " after " + ATTEMPTS + " draws");
  }

  private static boolean bindable(int port) {
    try {
      new ServerSocket(port, 1, InetAddress.getLoopbackAddress()).close();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The first port of the ephemeral range; Linux's default when the file cannot be read. */
  private static int ephemeralLow() {
    Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    try {
      int low = Integer.parseInt(Files.readString(range).trim().split("\\s+")[0]);
      return low > LOWEST + 1_000 ? low : 32_768;
    } catch (IOException | RuntimeException e) {
      return 32_768;
    }
  }
}
