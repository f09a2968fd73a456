package dev.ben.bench.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A section file under {@code target/bench/} being written: the figures one part of the bench
 * measured (each a {@link Measured} under {@code figures}), detail lines the table prints above
 * itself, the raw results, or why the whole part did not run.
 */
public final class Section {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String file;
  private final ObjectNode root = JSON.createObjectNode();

  /** A section written to {@code file}, one of the {@link Figure#file()} names. */
  public Section(String file) {
    this.file = file;
    root.putObject("figures");
    root.putArray("details");
  }

  public Section put(Figure figure, Measured measured) {
    if (!figure.file().equals(file)) {
      throw new IllegalArgumentException(figure + " belongs in " + figure.file() + ", not " + file);
    }
    ((ObjectNode) root.get("figures")).set(figure.name(), JSON.valueToTree(measured));
    return this;
  }

  /** A line printed above the table (per-run counts, what was sent), in the order added. */
  public Section detail(String line) {
    root.withArray("details").add(line);
    return this;
  }

  /** The raw results of this part, kept in the file for whoever digs further. */
  public Section raw(String key, JsonNode value) {
    root.withObject("/raw").set(key, value);
    return this;
  }

  /** Marks the whole section as not run: every figure it carries shows this reason. */
  public Section notRun(String reason) {
    root.put("not_run", reason);
    return this;
  }

  public Path write(Path directory) throws IOException {
    Files.createDirectories(directory);
    Path path = directory.resolve(file);
    Files.writeString(path, root.toPrettyString());
    return path;
  }
}
