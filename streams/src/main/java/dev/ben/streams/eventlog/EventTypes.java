package dev.ben.streams.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaRegistry;
import dev.ben.config.EventLogSettings;
import dev.ben.contracts.check.EventTypeSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The declared event types, each with the JSON Schema (draft 2020-12) its data must satisfy: the
 * built-in ones of {@link #BUILT_IN} (resources {@code eventlog/types/<type>.schema.json}) and
 * those a contract project declares at run time. A type keeps its schema: declaring it again with
 * the same schema is a no-op, with another one a refusal, so events already recorded stay valid for
 * their type. Schemas never load anything from the network.
 */
public final class EventTypes {

  /**
   * The types Ben itself publishes; {@code scrub.verdict}, {@code attestation.certificate} and
   * {@code case.opened} are placeholders for what comes next.
   */
  public static final List<String> BUILT_IN =
      List.of(
          "ledger.staged",
          "ledger.deployed",
          "ledger.acked",
          "ledger.activated",
          "ledger.activation_failed",
          "ledger.rolled_back",
          "ledger.lifecycle_changed",
          "playbook.fired",
          "playbook.suppressed",
          "signal.published",
          "signal.delivered",
          "signal.dropped",
          "backtest.run",
          "scrub.verdict",
          "attestation.certificate",
          "case.opened",
          EventLog.COMPONENT_REGISTERED,
          ProjectTypes.DECLARED);

  /** Lowercase dot-separated words; no dashes, since a type is a NATS subject token with dashes. */
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

  private static final int MAX_NAME_CHARS = 100;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private record Declared(JsonNode tree, Schema schema) {}

  private final SchemaRegistry registry = EventTypeSchemas.newRegistry();
  private final Schema metaSchema = EventTypeSchemas.metaSchema(registry);
  private final Map<String, Declared> types = new ConcurrentHashMap<>();
  private final int maxDataBytes;
  private final int maxSchemaBytes;

  private EventTypes(EventLogSettings settings) {
    this.maxDataBytes = settings.maxDataBytes();
    this.maxSchemaBytes = settings.maxSchemaBytes();
  }

  /** The built-in types, ready for a contract project's own. */
  public static EventTypes builtIn(EventLogSettings settings) {
    EventTypes types = new EventTypes(settings);
    for (String name : BUILT_IN) {
      types.declare(name, resource("eventlog/types/" + name + ".schema.json"));
    }
    return types;
  }

  /**
   * Declares a type with its schema (JSON text). Refused (INVALID) when the name or schema is not
   * valid or the schema is too large; refused (CONFLICT) when the type exists with another schema.
   */
  public synchronized void declare(String name, String schemaJson) {
    Declared declared = checked(name, schemaJson);
    if (declared != null) {
      types.put(name, declared);
    }
  }

  /**
   * Refuses, as {@link #declare} would, a declaration that cannot be made; declares nothing. A type
   * already declared with the same schema passes.
   */
  public synchronized void checkDeclarable(String name, String schemaJson) {
    checked(name, schemaJson);
  }

  /** The type ready to declare, or null when it already is with the same schema. */
  private Declared checked(String name, String schemaJson) {
    if (name == null || name.length() > MAX_NAME_CHARS || !NAME.matcher(name).matches()) {
      throw EventRefusedException.invalid(
          "/type",
          "`"
              + name
              + "` is not a type name (lowercase words of letters, digits and _ joined by dots)");
    }
    int size = schemaJson.getBytes(StandardCharsets.UTF_8).length;
    if (size > maxSchemaBytes) {
      throw EventRefusedException.invalid(
          "/schema", "is " + size + " bytes, over the maximum " + maxSchemaBytes);
    }
    JsonNode tree = parse(schemaJson);
    Declared existing = types.get(name);
    if (existing != null) {
      if (!existing.tree().equals(tree)) {
        throw new EventRefusedException(
            EventRefusedException.Kind.CONFLICT,
            "/schema",
            "type " + name + " is already declared with another schema; declare a new type name");
      }
      return null;
    }
    List<Error> errors = metaSchema.validate(schemaJson, InputFormat.JSON);
    if (!errors.isEmpty()) {
      throw EventRefusedException.invalid(
          "/schema" + pointer(errors.get(0)), reason(errors.get(0)));
    }
    Schema schema;
    try {
      schema = registry.getSchema(schemaJson, InputFormat.JSON);
      // Resolves every $ref now, so a schema pointing where nothing can be loaded (the network is
      // never asked) is refused when declared, not when an event is published.
      schema.initializeValidators();
    } catch (SchemaException e) {
      throw EventRefusedException.invalid("/schema", e.getMessage());
    }
    return new Declared(tree, schema);
  }

  public boolean isDeclared(String name) {
    return name != null && types.containsKey(name);
  }

  /** Every declared type name, sorted. */
  public Set<String> names() {
    return new TreeSet<>(types.keySet());
  }

  public Optional<JsonNode> schema(String name) {
    return Optional.ofNullable(types.get(name)).map(d -> d.tree().deepCopy());
  }

  /**
   * Refuses data of an undeclared type, data over the size bound, or data its type's schema
   * rejects, naming the field ({@code /data/...}) and why.
   */
  void validate(String type, JsonNode data) {
    Declared declared = type == null ? null : types.get(type);
    if (declared == null) {
      throw EventRefusedException.invalid("/type", "`" + type + "` is not a declared event type");
    }
    byte[] json = EventCodec.bytes(data);
    if (json.length > maxDataBytes) {
      throw EventRefusedException.invalid(
          "/data", "is " + json.length + " bytes, over the maximum " + maxDataBytes);
    }
    List<Error> errors =
        declared.schema().validate(new String(json, StandardCharsets.UTF_8), InputFormat.JSON);
    if (!errors.isEmpty()) {
      throw EventRefusedException.invalid("/data" + pointer(errors.get(0)), reason(errors.get(0)));
    }
  }

  /** Where the error is: the instance location, and for a missing property, that property. */
  private static String pointer(Error error) {
    String location = error.getInstanceLocation().toString();
    return "required".equals(error.getKeyword()) && error.getProperty() != null
        ? location + "/" + error.getProperty()
        : location;
  }

  private static String reason(Error error) {
    return error.getKeyword() == null
        ? error.getMessage()
        : error.getMessage() + " (" + error.getKeyword() + ")";
  }

  private static JsonNode parse(String json) {
    try {
      JsonNode tree = MAPPER.readTree(json);
      if (tree == null || !tree.isObject()) {
        throw EventRefusedException.invalid("/schema", "must be a JSON object");
      }
      return tree;
    } catch (IOException e) {
      throw EventRefusedException.invalid("/schema", "is not JSON: " + e.getMessage());
    }
  }

  private static String resource(String path) {
    try (InputStream in = EventTypes.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("the built-in event type schema " + path + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }
}
