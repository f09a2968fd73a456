package dev.ben.contracts.check;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.List;

/**
 * Reads an event type's JSON Schema the way the event log does (draft 2020-12, nothing loaded from
 * the network, every {@code $ref} resolved up front), so a schema the compiler accepts is one the
 * log accepts. A problem says where: a syntax error by its line and column in the schema file,
 * anything else by its JSON pointer in the schema.
 */
public final class EventTypeSchemas {

  /** What is wrong with a schema: where ({@code line} 0 when not known) and why. */
  public record Problem(int line, int column, String message) {}

  /** Either the parsed schema or the problem with it. */
  public record Result(JsonNode schema, Problem problem) {}

  private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final SchemaRegistry registry = newRegistry();
  private final Schema metaSchema = metaSchema(registry);

  /**
   * A registry that reads schemas as the event log does: draft 2020-12 by default, errors located
   * by JSON pointer, nothing fetched from the network.
   */
  public static SchemaRegistry newRegistry() {
    return SchemaRegistry.withDefaultDialect(
        SpecificationVersion.DRAFT_2020_12,
        builder ->
            builder
                .schemaRegistryConfig(
                    SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build())
                .schemaLoader(loader -> loader.fetchRemoteResources(false)));
  }

  /** The draft 2020-12 meta-schema every declared schema must satisfy. */
  public static Schema metaSchema(SchemaRegistry registry) {
    return registry.getSchema(SchemaLocation.of(META_SCHEMA));
  }

  /** Parses and checks the schema text. */
  public Result read(String json) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      return failed(
          at == null ? 0 : at.getLineNr(),
          at == null ? 0 : at.getColumnNr(),
          "is not JSON: " + e.getOriginalMessage());
    }
    if (tree == null || !tree.isObject()) {
      return failed(0, 0, "must be a JSON object (a JSON Schema)");
    }
    List<Error> errors = metaSchema.validate(json, InputFormat.JSON);
    if (!errors.isEmpty()) {
      Error first = errors.get(0);
      String where = first.getInstanceLocation().toString();
      return failed(
          0,
          0,
          "is not a valid JSON Schema: " + (where.isEmpty() ? "/" : where) + ": " + reason(first));
    }
    try {
      Schema schema = registry.getSchema(json, InputFormat.JSON);
      schema.initializeValidators();
    } catch (SchemaException e) {
      return failed(0, 0, "cannot be loaded: " + e.getMessage());
    }
    return new Result(tree, null);
  }

  private static Result failed(int line, int column, String message) {
    return new Result(null, new Problem(line, column, message));
  }

  private static String reason(Error error) {
    return error.getKeyword() == null
        ? error.getMessage()
        : error.getMessage() + " (" + error.getKeyword() + ")";
  }
}
