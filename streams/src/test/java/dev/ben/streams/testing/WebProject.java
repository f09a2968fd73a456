package dev.ben.streams.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.contracts.engine.ContractRuntime;
import dev.ben.contracts.engine.EvaluationResult;
import dev.ben.contracts.event.Translation;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.project.LoadedProject;
import dev.ben.contracts.project.ProjectLoader;
import dev.ben.contracts.project.SourceTree;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.sidecar.EventParser;
import dev.ben.streams.sidecar.beacon.PreAnonymiser;
import dev.ben.streams.spine.ActiveContract;
import dev.ben.streams.spine.ContractSlot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The {@code examples/web} project (page views from beacons) as the analytics tests use it:
 * compiled as it is in the repository, and beacons taken as the beacon endpoint takes a posted one
 * (parsed, pre-anonymised) and evaluated the way the spine does.
 */
public final class WebProject {

  public static final String PIPELINE = "web";
  public static final String SITE = "shop";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] HASH_KEY = new byte[32];
  private static final PreAnonymiser ANONYMISER = new PreAnonymiser(new byte[32]);

  private WebProject() {}

  public static ContractSet compiled() {
    Map<String, String> files = new HashMap<>();
    Path root = root();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path file : paths.filter(Files::isRegularFile).toList()) {
        String name = root.relativize(file).toString().replace('\\', '/');
        if (name.endsWith(".ben") || name.endsWith(".project") || name.startsWith("lists/")) {
          files.put(name, Files.readString(file));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LoadedProject project = ProjectLoader.load(SourceTree.of(files));
    return project
        .compile("test")
        .orElseThrow(() -> new IllegalStateException(project.diagnostics().render()));
  }

  public static ContractSlot slot(long version) {
    ContractSlot slot = new ContractSlot(PIPELINE);
    slot.swap(new ActiveContract(version, ContractRuntime.build(compiled(), PIPELINE, HASH_KEY)));
    return slot;
  }

  /**
   * A beacon posted as one JSON object, received at {@code receivedAtMillis}: parsed and
   * pre-anonymised as the beacon endpoint does, then evaluated by the slot's version, its body
   * redacted.
   */
  public static Envelope beacon(
      ContractSlot slot, String eventId, long receivedAtMillis, String json) {
    EventParser.Parsed parsed =
        new EventParser(JSON, 1 << 20)
            .parseOne(json.getBytes(StandardCharsets.UTF_8), PIPELINE, SITE, receivedAtMillis);
    if (!(parsed instanceof EventParser.Accepted accepted)) {
      throw new IllegalArgumentException("not a beacon: " + parsed);
    }
    ObjectNode body =
        ANONYMISER.apply(
            accepted.envelope().body(),
            LocalDate.ofInstant(Instant.ofEpochMilli(receivedAtMillis), ZoneOffset.UTC));
    ActiveContract active = slot.current().orElseThrow();
    Translation translation =
        active.runtime().translate("page_view", body.toString().getBytes(StandardCharsets.UTF_8));
    if (!(translation instanceof Translation.Accepted event)) {
      throw new IllegalArgumentException("the web schema refuses " + body + ": " + translation);
    }
    EvaluationResult result = active.runtime().evaluate(event.event(), receivedAtMillis);
    ObjectNode redacted = JSON.valueToTree(result.redacted());
    return new Envelope(eventId, PIPELINE, SITE, receivedAtMillis, body)
        .evaluated(redacted, new Envelope.Evaluation(active.version(), result));
  }

  private static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (!Files.isDirectory(dir.resolve("examples").resolve("web"))) {
      dir = dir.getParent();
    }
    return dir.resolve("examples").resolve("web");
  }
}
