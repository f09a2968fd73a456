package dev.ben.tests.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tarball this build made ({@code dist/}, before {@code tests/} in the reactor), unpacked, and
 * its launchers run as processes with exactly the environment a test gives them.
 */
public final class Distribution {

  private static final java.time.Duration UNPACK = java.time.Duration.ofMinutes(2);

  private final Path root;

  private Distribution(Path root) {
    this.root = root;
  }

  /** The tarball of this build, named by the build (tests/pom.xml). */
  public static Path tarball() {
    Path tarball = Path.of(System.getProperty("dist.tarball", "no dist.tarball property"));
    assertTrue(
        Files.isRegularFile(tarball),
        tarball
            + " does not exist: build it first (./ben dist, or mvn package -pl dist -am), or run"
            + " the whole build (mvn verify), which packages dist before the tests");
    return tarball;
  }

  /** Unpacks the tarball into the empty folder {@code into}; its one top folder is the result. */
  public static Distribution unpack(Path into) throws IOException, InterruptedException {
    Files.createDirectories(into);
    ProcessBuilder tar =
        new ProcessBuilder("tar", "-xzf", tarball().toString(), "-C", into.toString());
    try (NodeProcess unpacking = NodeProcess.command("tar", tar)) {
      assertEquals(0, unpacking.awaitExit(UNPACK), unpacking.output());
    }
    try (var entries = Files.list(into)) {
      List<Path> top = entries.toList();
      assertEquals(1, top.size(), "one folder, ben-VERSION, in the tarball: " + top);
      return new Distribution(top.get(0));
    }
  }

  /** The unpacked folder, {@code ben-VERSION}. */
  public Path root() {
    return root;
  }

  /** {@code bin/NAME}. */
  public Path launcher(String name) {
    return root.resolve("bin").resolve(name);
  }

  /**
   * {@code bin/<launcher> args…} with exactly {@code environment}, in {@code workingDirectory}, as
   * a {@link NodeProcess}.
   */
  public NodeProcess start(
      String name,
      Path workingDirectory,
      Map<String, String> environment,
      String launcher,
      String... args)
      throws IOException {
    List<String> line = new ArrayList<>();
    line.add(launcher(launcher).toString());
    line.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(line).directory(workingDirectory.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    return NodeProcess.command(name, builder);
  }
}
