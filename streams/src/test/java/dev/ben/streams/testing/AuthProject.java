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
import dev.ben.streams.spine.ActiveContract;
import dev.ben.streams.spine.ContractSlot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The {@code examples/auth} project as the store tests use it: compiled as it is in the repository,
 * or with its {@code login.ben} edited (a v2 with another field), and events evaluated by it the
 * way the spine does.
 */
public final class AuthProject {

  public static final String PIPELINE = "auth";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] HASH_KEY = new byte[32];

  private AuthProject() {}

  public static ContractSet v1() {
    return compiled(UnaryOperator.identity());
  }

  /** Version 2 of schema login: the same fields plus {@code device: string?}. */
  public static ContractSet v2() {
    return compiled(
        login ->
            login
                .replace("schema login v1", "schema login v2")
                .replace(
                    "    attachment: string?\n",
                    "    attachment: string?\n    device:     string?\n"));
  }

  public static ContractSet compiled(UnaryOperator<String> editLogin) {
    Map<String, String> files = new HashMap<>();
    Path root = root();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path file : paths.filter(Files::isRegularFile).toList()) {
        String name = root.relativize(file).toString().replace('\\', '/');
        if (name.endsWith(".ben") || name.endsWith(".project") || name.startsWith("lists/")) {
          String text = Files.readString(file);
          files.put(name, name.equals("login.ben") ? editLogin.apply(text) : text);
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

  /** A slot holding the set as the given version, as the spine's loader leaves it. */
  public static ContractSlot slot(ContractSet contracts, long version) {
    ContractSlot slot = new ContractSlot(PIPELINE);
    slot.swap(new ActiveContract(version, ContractRuntime.build(contracts, PIPELINE, HASH_KEY)));
    return slot;
  }

  /**
   * The event as the spine leaves it: evaluated by the slot's current version, its body redacted.
   */
  public static Envelope evaluated(
      ContractSlot slot, String eventId, long receivedAtMillis, String json) {
    ActiveContract active = slot.current().orElseThrow();
    try {
      Translation translation =
          active
              .runtime()
              .translate("login", json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      EvaluationResult result =
          active.runtime().evaluate(((Translation.Accepted) translation).event(), receivedAtMillis);
      ObjectNode redacted = JSON.valueToTree(result.redacted());
      return new Envelope(
              eventId, PIPELINE, "auth-service", receivedAtMillis, (ObjectNode) JSON.readTree(json))
          .evaluated(redacted, new Envelope.Evaluation(active.version(), result));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (!Files.isDirectory(dir.resolve("examples").resolve("auth"))) {
      dir = dir.getParent();
    }
    return dir.resolve("examples").resolve("auth");
  }
}
