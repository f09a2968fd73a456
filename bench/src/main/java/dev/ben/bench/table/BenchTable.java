package dev.ben.bench.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.bench.table.TableRows.Row;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The last step of {@code ./ben bench}. Usage: {@code BenchTable OUT_DIR}. Reads the machine facts
 * the script wrote ({@code machine.json}) and every section file under OUT_DIR, prints the details
 * and then one row per {@link Figure} beside its target and reference, and writes it all to {@code
 * OUT_DIR/report.json}.
 */
public final class BenchTable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Where a reader of a short row finds why it is short, as measured on the 2-core machine. */
  static final String WHY_SHORT =
      "why the short rows are short on a 2-core machine: docs/bench.md, \"Where each figure"
          + " stands\"";

  private BenchTable() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: BenchTable OUT_DIR");
      System.exit(2);
    }
    Path directory = Path.of(args[0]);
    Map<String, JsonNode> sections = new LinkedHashMap<>();
    for (Figure figure : Figure.values()) {
      Path file = directory.resolve(figure.file());
      if (!sections.containsKey(figure.file()) && Files.isRegularFile(file)) {
        sections.put(figure.file(), JSON.readTree(file.toFile()));
      }
    }
    ObjectNode machine = machine(directory.resolve("machine.json"));
    List<Row> rows = TableRows.from(sections);
    print(System.out, machine, sections, rows);
    ObjectNode report = JSON.createObjectNode();
    report.set("machine", machine);
    ArrayNode figures = report.putArray("figures");
    rows.forEach(row -> figures.add(json(row)));
    Files.writeString(directory.resolve("report.json"), report.toPrettyString());
    System.out.println("the table is in " + directory.resolve("report.json"));
  }

  /** The script's facts about the machine and run, with the JVM and the load now added. */
  static ObjectNode machine(Path file) throws IOException {
    ObjectNode machine =
        Files.isRegularFile(file)
            ? (ObjectNode) JSON.readTree(file.toFile())
            : JSON.createObjectNode()
                .put("cores", Runtime.getRuntime().availableProcessors())
                .put("load_average", "unknown (no machine.json)");
    machine.put(
        "jvm",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    machine.put(
        "load_average_at_end",
        String.format(
            Locale.ROOT,
            "%.2f",
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    return machine;
  }

  static void print(
      PrintStream out, JsonNode machine, Map<String, JsonNode> sections, List<Row> rows) {
    out.println();
    out.printf(
        Locale.ROOT,
        "./ben bench%s, %s: %s cores, load average at start %s (1 min, at end %s), %s, commit %s%n",
        machine.path("mode").asText().equals("quick") ? " --quick" : "",
        machine.path("started").asText("?"),
        machine.path("cores").asText("?"),
        machine.path("load_average").asText("?"),
        machine.path("load_average_at_end").asText("?"),
        machine.path("jvm").asText("?"),
        machine.path("commit").asText("?"));
    sections.forEach(
        (file, section) -> {
          if (section.path("details").size() > 0) {
            out.println();
            out.println(file + ":");
            section.path("details").forEach(line -> out.println("  " + line.asText()));
          }
        });
    out.println();
    String format = "%-54s %-52s %-34s %s%n";
    out.printf(Locale.ROOT, format, "FIGURE", "MEASURED", "TARGET", "VERDICT");
    for (Row row : rows) {
      out.printf(
          Locale.ROOT,
          format,
          row.figure().title(),
          row.measured(),
          row.figure().target().describe(),
          row.verdict().text());
      if (row.reference() != null) {
        out.println("    " + row.reference());
      }
      if (row.note() != null) {
        out.println("    " + row.note());
      }
    }
    if (rows.stream().anyMatch(row -> row.verdict().status() == Verdict.Status.SHORT)) {
      out.println(WHY_SHORT);
    }
  }

  private static ObjectNode json(Row row) {
    ObjectNode node =
        JSON.createObjectNode()
            .put("figure", row.figure().name())
            .put("title", row.figure().title())
            .put("measured", row.measured())
            .put("target", row.figure().target().describe())
            .put("status", row.verdict().status().name())
            .put("verdict", row.verdict().text());
    if (row.value() != null) {
      node.put("value", row.value()).put("unit", row.figure().target().unit());
    }
    if (row.reference() != null) {
      node.put("reference", row.reference());
    }
    if (row.note() != null) {
      node.put("note", row.note());
    }
    return node;
  }
}
