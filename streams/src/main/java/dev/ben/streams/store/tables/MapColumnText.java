package dev.ben.streams.store.tables;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ben.contracts.engine.DetectorValues;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The text of a JSON column holding a map of names to text or numbers (an event's facts, its
 * detector values), the same text {@code writer} gives. Most rows carry such a map, so one
 * generator and buffer serve them all instead of a serialiser per value: the generator is made by
 * {@code writer} (so it has its settings) and writes the entries as the map serialiser would.
 * Detector values, on nearly every row, skip the generator too: they are appended to one reused
 * buffer as text. A map holding anything else (a null value, another type), or a writer that sorts
 * map entries, goes through {@code writer}. Not thread-safe: owned by one row builder.
 */
final class MapColumnText {

  private final ObjectWriter writer;
  private final boolean direct;
  private final StringWriter text = new StringWriter(256);
  private final BiConsumer<String, Object> entry = this::writeEntry;
  private final char[] digits = new char[24];
  private final StringBuilder line = new StringBuilder(256);
  private JsonGenerator json;
  private boolean plain;

  /** Whether the generator writes numbers as {@link #appendNumber} does (found once). */
  private Boolean numbersAsAppended;

  /** The last detector values whose names were found to need no escaping. */
  private DetectorValues plainNames;

  // WRITE_NULL_MAP_VALUES is deprecated but still honoured by the map serialiser.
  @SuppressWarnings("deprecation")
  MapColumnText(ObjectWriter writer) {
    this.writer = writer;
    JsonInclude.Include entries =
        writer.getConfig().getDefaultPropertyInclusion(Map.class).getContentInclusion();
    this.direct =
        !writer.isEnabled(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            && writer.isEnabled(SerializationFeature.WRITE_NULL_MAP_VALUES)
            && (entries == JsonInclude.Include.ALWAYS
                || entries == JsonInclude.Include.USE_DEFAULTS);
  }

  String of(Map<String, ?> values) throws IOException {
    if (!direct) {
      return writer.writeValueAsString(values);
    }
    if (values instanceof DetectorValues detectors) {
      return of(detectors);
    }
    plain = true;
    try {
      JsonGenerator out = generator();
      out.writeStartObject();
      values.forEach(entry);
      if (plain) {
        out.writeEndObject();
        out.flush();
        String written = text.toString();
        text.getBuffer().setLength(0);
        return written;
      }
    } catch (UncheckedIOException e) {
      discard();
      throw e.getCause();
    } catch (IOException | RuntimeException e) {
      discard();
      throw e;
    }
    discard();
    return writer.writeValueAsString(values);
  }

  /**
   * Detector values, as their map's entries would be written, without boxing each number: straight
   * into text when the generator's settings write them as {@link #appendNumber} does and the names
   * need no escaping (every event of a runtime shares its names, so they are checked once).
   */
  private String of(DetectorValues values) throws IOException {
    if (writtenDirectly(values)) {
      line.setLength(0);
      line.append('{');
      for (int i = 0; i < values.size(); i++) {
        if (i > 0) {
          line.append(',');
        }
        line.append('"').append(values.nameAt(i)).append("\":");
        appendNumber(values.number(i));
      }
      return line.append('}').toString();
    }
    // Settings no row writer of Ben's has (numbers as strings, other escapes): the map serialiser.
    return writer.writeValueAsString(values);
  }

  /**
   * A number as {@code out.writeNumber(value)} writes it. Counts are whole numbers, which {@link
   * Double#toString} spells as their digits and ".0" below 10^7: those are spelt so here, sparing
   * the general formatting.
   */
  private void writeNumber(JsonGenerator out, double value) throws IOException {
    if (!spelledWhole(value) || out.isEnabled(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)) {
      out.writeNumber(value);
      return;
    }
    long whole = (long) value;
    int from = digits.length;
    digits[--from] = '0';
    digits[--from] = '.';
    long rest = Math.abs(whole);
    do {
      digits[--from] = (char) ('0' + rest % 10);
      rest /= 10;
    } while (rest != 0);
    if (whole < 0) {
      digits[--from] = '-';
    }
    out.writeNumber(digits, from, digits.length - from);
  }

  /** Whether {@link Double#toString} spells the value as its digits and ".0" (not -0.0). */
  private static boolean spelledWhole(double value) {
    return value == (long) value && Math.abs(value) < 1e7 && (value != 0 || 1 / value > 0);
  }

  private boolean writtenDirectly(DetectorValues values) throws IOException {
    if (numbersAsAppended == null) {
      JsonGenerator out = generator();
      numbersAsAppended =
          !out.isEnabled(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
              && !out.isEnabled(JsonWriteFeature.WRITE_NUMBERS_AS_STRINGS.mappedFeature())
              && out.isEnabled(JsonWriteFeature.WRITE_NAN_AS_STRINGS.mappedFeature())
              && !out.isEnabled(JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature())
              && out.getCharacterEscapes() == null;
    }
    if (!numbersAsAppended) {
      return false;
    }
    if (!values.sharesNamesWith(plainNames)) {
      for (int i = 0; i < values.size(); i++) {
        if (!plainName(values.nameAt(i))) {
          return false;
        }
      }
      plainNames = values;
    }
    return true;
  }

  /** Printable ASCII but the quote and the backslash: what JSON escapes none of. */
  private static boolean plainName(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  /**
   * A detector value as the generator writes it with the settings {@link #writtenDirectly} checks:
   * NaN (no value) as null, an infinity as its quoted name, a number as {@link Double#toString}
   * spells it (whole numbers below 10^7 as their digits and ".0").
   */
  private void appendNumber(double value) {
    if (Double.isNaN(value)) {
      line.append("null");
    } else if (Double.isInfinite(value)) {
      line.append('"').append(value).append('"');
    } else if (spelledWhole(value)) {
      line.append((long) value).append(".0");
    } else {
      line.append(value);
    }
  }

  /** A generator left mid-object is not reused. */
  private void discard() {
    json = null;
    text.getBuffer().setLength(0);
  }

  private JsonGenerator generator() throws IOException {
    if (json == null) {
      json = writer.createGenerator(text);
      // Values follow each other in one buffer; each is taken out before the next.
      json.setRootValueSeparator(null);
    }
    return json;
  }

  private void writeEntry(String name, Object value) {
    if (!plain
        || name == null
        || !(value == null || value instanceof String || value instanceof Double)) {
      plain = false;
      return;
    }
    try {
      json.writeFieldName(name);
      if (value == null) {
        json.writeNull();
      } else if (value instanceof String string) {
        json.writeString(string);
      } else {
        writeNumber(json, (Double) value);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
