package dev.ben.streams.sidecar.beacon;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of the nginx/Apache combined log format, as a beacon event: {@code 203.0.113.9 - -
 * [01/May/2024:12:00:00 +0000] "GET /cart HTTP/1.1" 200 512 "https://ref/" "Mozilla/5.0"} becomes
 * {@code ts, client_ip, method, path, protocol, status, bytes, referrer, user_agent} (referrer and
 * user agent only when present, {@code -} meaning absent). The address is still in clear here: the
 * caller pre-anonymises.
 */
public final class CombinedLogLine {

  /** A line that is not in the combined format, with what is wrong in words. */
  public static final class Malformed extends Exception {
    Malformed(String message) {
      super(message);
    }
  }

  private static final Pattern LINE =
      Pattern.compile(
          "^(\\S+) \\S+ \\S+ \\[([^\\]]+)] \"(\\S+) (\\S+)(?: (\\S+))?\" (\\d{3}) (\\d+|-)(?: \"((?:[^\"\\\\]|\\\\.)*)\" "
              + "\"((?:[^\"\\\\]|\\\\.)*)\")?\\s*$");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);

  private CombinedLogLine() {}

  public static ObjectNode parse(String line) throws Malformed {
    Matcher m = LINE.matcher(line);
    if (!m.matches()) {
      throw new Malformed(
          "not in the combined log format (address - user [time] \"METHOD path PROTOCOL\" status "
              + "bytes \"referrer\" \"user agent\")");
    }
    OffsetDateTime time;
    try {
      time = OffsetDateTime.parse(m.group(2), TIME);
    } catch (DateTimeParseException e) {
      throw new Malformed("the time `" + m.group(2) + "` is not dd/MMM/yyyy:HH:mm:ss +zzzz");
    }
    ObjectNode event =
        JsonNodeFactory.instance
            .objectNode()
            .put("ts", time.withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString())
            .put("client_ip", m.group(1))
            .put("method", m.group(3))
            .put("path", m.group(4))
            .put("status", Integer.parseInt(m.group(6)));
    if (m.group(5) != null) {
      event.put("protocol", m.group(5));
    }
    if (!m.group(7).equals("-")) {
      if (m.group(7).length() > 18) {
        throw new Malformed("the byte count `" + m.group(7) + "` is too large");
      }
      event.put("bytes", Long.parseLong(m.group(7)));
    }
    putUnlessDash(event, "referrer", m.group(8));
    putUnlessDash(event, "user_agent", m.group(9));
    return event;
  }

  private static void putUnlessDash(ObjectNode event, String field, String value) {
    if (value != null && !value.isEmpty() && !value.equals("-")) {
      event.put(field, value.replace("\\\"", "\""));
    }
  }
}
