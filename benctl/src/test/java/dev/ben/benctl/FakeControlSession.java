package dev.ben.benctl;

import dev.ben.benctl.BenctlHarness.Result;
import dev.ben.benctl.FakeControlServer.Call;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fake control server for each test that takes one admin token, and benctl run against it with
 * that token ({@code --server ADDRESS --token TOKEN} after the test's own arguments), its config
 * file in a folder of the test's own. Register it with {@code @RegisterExtension}.
 */
public final class FakeControlSession implements BeforeEachCallback, AfterEachCallback {

  private final String token;
  private FakeControlServer server;
  private Path dir;

  public FakeControlSession(String token) {
    this.token = token;
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    dir = Files.createTempDirectory("benctl-session");
    server = new FakeControlServer();
    server.accept(token, FakeControlServer.admin(Long.MAX_VALUE));
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    server.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  /** The folder this test's benctl keeps its config file in, for the test's own files too. */
  public Path dir() {
    return dir;
  }

  public FakeControlServer server() {
    return server;
  }

  /** benctl with the test's arguments, then the server's address and the token. */
  public Result run(String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(
        new String[] {"--server", server.address(), "--token", token}, 0, all, args.length, 4);
    return runAlone(Map.of(), all);
  }

  /**
   * benctl with only the test's arguments and environment variables: no address or token added, for
   * tests of where those come from.
   */
  public Result runAlone(Map<String, String> variables, String... args) {
    return BenctlHarness.run(
        BenctlHarness.environment(dir.resolve("config.json"), variables, ""), args);
  }

  /** The last call the server took. */
  public Call lastCall() {
    List<Call> calls = server.calls();
    if (calls.isEmpty()) {
      throw new AssertionError("benctl made no call to the control server");
    }
    return calls.get(calls.size() - 1);
  }

  /** The last call of this method the server took. */
  public Call lastCall(String method) {
    List<Call> calls = server.calls();
    for (int i = calls.size() - 1; i >= 0; i--) {
      if (calls.get(i).method().equals(method)) {
        return calls.get(i);
      }
    }
    throw new AssertionError("no " + method + " call in " + calls);
  }
}
