package dev.ben.tests.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.contracts.engine.EvaluationResult;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.model.Schema;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.spine.ContractSlot;
import dev.ben.streams.store.AnalyticalStore;
import dev.ben.streams.store.TypedRows;
import dev.ben.streams.store.migrate.DataMigrator;
import dev.ben.streams.store.tables.RawEventTable;
import dev.ben.streams.store.tables.SchemaTableWriter;
import dev.ben.streams.testing.AuthProject;
import dev.ben.tests.support.TestServers;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Typed rows store what the same rows as JSONEachRow store, column type by column type, on every
 * store: each case fills one table through {@code insertRows} and another through {@code
 * insertJsonRows} with the JSON the store stage used to send, and the two read back the same.
 * Floats are compared through isNaN and bounds too, since ClickHouse prints NaN and infinities as
 * null in JSON. Then evaluated and pass-through envelopes through the store stage's writers against
 * the rows the JSON path made of them ({@link JsonPathRows}).
 */
abstract class TypedRowsContract {

  protected static final ObjectMapper JSON = new ObjectMapper();

  protected AnalyticalStore store;
  private final List<String> tables = new ArrayList<>();

  protected abstract AnalyticalStore open();

  @BeforeEach
  void openStore() {
    store = open();
  }

  @AfterEach
  void closeStore() {
    tables.forEach(table -> store.execute("DROP TABLE IF EXISTS " + table));
    store.close();
  }

  private static Instant at(String text) {
    return Instant.parse(text);
  }

  /** The type, the typed values, and each value as the JSON path wrote it. */
  static Stream<Arguments> types() {
    String long1000 = "x".repeat(1000);
    return Stream.of(
        Arguments.of(
            "String",
            Arrays.asList("plain", "", "üñí ☃ \"q\" \\ \n\t", long1000),
            List.of("\"plain\"", "\"\"", "\"üñí ☃ \\\"q\\\" \\\\ \\n\\t\"", '"' + long1000 + '"')),
        Arguments.of("Int8", List.of(-128L, 0L, 127L), List.of("-128", "0", "127")),
        Arguments.of("Int16", List.of(-32768L, 32767L), List.of("-32768", "32767")),
        Arguments.of(
            "Int32",
            List.of((long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE),
            List.of("-2147483648", "2147483647")),
        Arguments.of(
            "Int64",
            List.of(Long.MIN_VALUE, Long.MAX_VALUE),
            List.of("-9223372036854775808", "9223372036854775807")),
        Arguments.of("UInt8", List.of(0L, 1L, 255L), List.of("0", "1", "255")),
        Arguments.of("UInt16", List.of(0L, 65535L), List.of("0", "65535")),
        Arguments.of("UInt32", List.of(0L, 4294967295L), List.of("0", "4294967295")),
        Arguments.of(
            "UInt64",
            List.of(0L, Long.MAX_VALUE, new BigInteger("18446744073709551615")),
            List.of("0", "9223372036854775807", "18446744073709551615")),
        Arguments.of(
            "Float32",
            List.of(1.5, -0.25, Double.NaN, Double.POSITIVE_INFINITY),
            List.of("1.5", "-0.25", "\"NaN\"", "\"Infinity\"")),
        Arguments.of(
            "Float64",
            List.of(0.1, -1e300, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY),
            List.of("0.1", "-1.0E300", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"")),
        Arguments.of(
            "DateTime",
            List.of(Instant.EPOCH, at("2024-05-01T10:00:05Z"), at("2100-01-01T00:00:00Z")),
            List.of(
                "\"1970-01-01 00:00:00\"", "\"2024-05-01 10:00:05\"", "\"2100-01-01 00:00:00\"")),
        Arguments.of("Nullable(String)", Arrays.asList("x", null), List.of("\"x\"", "null")),
        Arguments.of("Nullable(Int64)", Arrays.asList(5L, null), List.of("5", "null")),
        Arguments.of(
            "Nullable(Float64)",
            Arrays.asList(2.5, null, Double.NaN, Double.POSITIVE_INFINITY),
            List.of("2.5", "null", "\"NaN\"", "\"Infinity\"")),
        Arguments.of(
            "Nullable(DateTime)",
            Arrays.asList(at("2024-05-01T10:00:05Z"), null),
            List.of("\"2024-05-01 10:00:05\"", "null")),
        Arguments.of(
            "Array(String)",
            List.of(List.of(), List.of("a", "b,\"c\"")),
            List.of("[]", "[\"a\",\"b,\\\"c\\\"\"]")),
        Arguments.of(
            "Array(Nullable(Int64))",
            List.of(Arrays.asList(1L, null, -3L), List.of()),
            List.of("[1,null,-3]", "[]")),
        Arguments.of("Array(UInt8)", List.of(List.of(1L, 0L, 1L)), List.of("[1,0,1]")),
        Arguments.of("Array(Float64)", List.of(List.of(1.5, -2.0)), List.of("[1.5,-2.0]")),
        Arguments.of(
            "Array(DateTime)",
            List.of(List.of(at("2024-05-01T10:00:05Z"))),
            List.of("[\"2024-05-01 10:00:05\"]")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void aTypedValueIsStoredAsItsJsonWas(String type, List<Object> values, List<String> json) {
    String typed = table("typed");
    String reference = table("json");
    TypedRows rows = new TypedRows(List.of("event_id", "v"), values.size());
    List<String> jsonRows = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      rows.add(new Object[] {"e" + i, values.get(i)});
      jsonRows.add("{\"event_id\":\"e" + i + "\",\"v\":" + json.get(i) + "}");
    }
    for (String table : List.of(typed, reference)) {
      store.execute(
          "CREATE TABLE IF NOT EXISTS "
              + table
              + " (event_id String, v "
              + type
              + ") ENGINE = ReplacingMergeTree() ORDER BY event_id");
    }
    store.insertRows(typed, rows);
    store.insertJsonRows(reference, jsonRows);

    String columns =
        type.contains("Float") && !type.startsWith("Array")
            ? "event_id, v, isNaN(v) AS nan, v > 1e308 AS inf, v < -1e308 AS ninf"
            : "event_id, v";
    List<ObjectNode> stored = select(columns, typed);
    assertEquals(values.size(), stored.size());
    assertEquals(select(columns, reference), stored, type);
  }

  @Test
  void evaluatedAndPassThroughEnvelopesAreStoredAsTheJsonPathStoredThem() throws Exception {
    ContractSet contracts = AuthProject.v1();
    ContractSlot slot = AuthProject.slot(contracts, 1);
    Schema login = contracts.schema("login").orElseThrow();
    DataMigrator migrator = new DataMigrator(store, JSON);
    List<Envelope> evaluated = evaluated(slot);
    List<Envelope> passThrough =
        List.of(
            new Envelope("p1", "raw", "shop", T0, JSON.createObjectNode().put("n", 1)),
            new Envelope(
                "p2", "raw", "shop", T0 + 1_500, (ObjectNode) JSON.readTree("{\"s\":\"ü\\n\"}")));
    List<Envelope> batch = new ArrayList<>(evaluated);
    batch.addAll(passThrough);
    new SchemaTableWriter(migrator, slot, RawEventTable.writer(migrator, JSON), JSON).write(batch);

    String logins = table("logins_json");
    store.execute(login.ddl().replace("`" + login.table() + "`", "`" + logins + "`"));
    List<String> loginRows = new ArrayList<>();
    for (Envelope e : evaluated) {
      loginRows.add(JsonPathRows.schemaRow(e, login, JSON));
    }
    store.insertJsonRows(logins, loginRows);
    String events = table("events_json");
    store.execute(RawEventTable.DDL.replace(RawEventTable.TABLE + " (", events + " ("));
    List<String> eventRows = new ArrayList<>();
    for (Envelope e : passThrough) {
      eventRows.add(JsonPathRows.rawEvent(e, JSON));
    }
    store.insertJsonRows(events, eventRows);

    String columns = "*, isNaN(anomaly_score) AS score_nan, anomaly_score > 1e308 AS score_inf";
    List<ObjectNode> stored = select(columns, login.table());
    assertEquals(evaluated.size(), stored.size());
    assertEquals(select(columns, logins), stored);
    assertEquals("************5559", stored.get(0).get("card").asText(), stored.get(0).toString());
    List<ObjectNode> raw = select("*", RawEventTable.TABLE);
    assertEquals(passThrough.size(), raw.size());
    assertEquals(select("*", events), raw);
  }

  private static final long T0 = 1_714_557_600_000L;

  /** Envelopes as the spine leaves them, and some with values only a hand-made result has. */
  private static List<Envelope> evaluated(ContractSlot slot) throws Exception {
    List<Envelope> envelopes = new ArrayList<>();
    envelopes.add(
        AuthProject.evaluated(
            slot,
            "e-bob",
            T0,
            "{\"ts\": \"2024-05-01T10:00:05Z\", \"tenant\": \"acme\", \"user\": \"bob\", "
                + "\"ip\": \"203.0.113.9\", \"country\": \"KP\", \"attempts\": 12, "
                + "\"card\": \"5500005555555559\", \"email\": \"bob@example.com\"}"));
    envelopes.add(
        AuthProject.evaluated(
            slot,
            "e-carol",
            T0 + 4_321,
            "{\"ts\": \"2024-05-01T10:00:09Z\", \"tenant\": \"acme\", \"user\": \"carol\", "
                + "\"ip\": \"10.1.2.3\", \"attempts\": 8}"));
    Map<String, Double> detectors = new LinkedHashMap<>();
    detectors.put("rate.ewma", Double.NaN);
    detectors.put("rate.cusum", null);
    detectors.put("rate.level", 1.5);
    envelopes.add(
        handMade(
            "e-x1",
            T0 + 999,
            "{\"ts\": 1714557600123, \"tenant\": \"acme\", \"user\": \"dave\", \"ip\": 5, "
                + "\"attempts\": \"****\", \"card\": null, \"extra\": \"x\"}",
            new EvaluationResult(
                "login",
                List.of("hot"),
                List.of(),
                null,
                Map.of("k", "v\"w"),
                Map.of(),
                detectors,
                null,
                Double.NaN,
                null)));
    envelopes.add(
        handMade(
            "e-x2",
            T0 + 1_000,
            "{\"ts\": \"not a time\", \"tenant\": 7, \"attempts\": \"42\", \"country\": \"NL\"}",
            new EvaluationResult(
                "login",
                null,
                null,
                "block",
                null,
                Map.of(),
                null,
                List.of(),
                Double.POSITIVE_INFINITY,
                null)));
    envelopes.add(
        handMade(
            "e-x3",
            T0 + 2_000,
            "{\"ts\": \"2024-05-01T10:00:05.999Z\", \"attempts\": 4294967295, \"user\": {\"a\": [1]}}",
            new EvaluationResult(
                "login", List.of(), List.of(), null, Map.of(), Map.of(), Map.of(), List.of(), null,
                null)));
    return envelopes;
  }

  private static Envelope handMade(String id, long at, String body, EvaluationResult result)
      throws Exception {
    ObjectNode redacted = (ObjectNode) JSON.readTree(body);
    return new Envelope(id, AuthProject.PIPELINE, "auth-service", at, redacted)
        .evaluated(redacted, new Envelope.Evaluation(1, result));
  }

  protected List<ObjectNode> select(String columns, String table) {
    return store.queryJson("SELECT " + columns + " FROM " + table + " ORDER BY event_id");
  }

  protected String table(String prefix) {
    String table = TestServers.unique(prefix);
    tables.add(table);
    return table;
  }
}
