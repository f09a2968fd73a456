package dev.ben.bench.engine;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The reference loop's store row, the columns of the {@code logins} table (decision columns, then
 * the redacted fields) written with Jackson's generator into a reused buffer. Date-times are
 * formatted once per second and reused. Not thread-safe.
 */
final class ReferenceRow {

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private final JsonFactory json = new JsonFactory();
  private final ByteArrayBuilder buffer = new ByteArrayBuilder(1024);
  private final StringBuilder text = new StringBuilder(256);
  private JsonGenerator out;
  private long now;
  private final SecondText ingested = new SecondText();
  private final SecondText eventTime = new SecondText();

  void reset(long nowMillis) throws IOException {
    buffer.reset();
    now = nowMillis;
    out = json.createGenerator(buffer, JsonEncoding.UTF8);
    out.writeStartObject();
    out.writeStringField("event_id", "bench");
    out.writeStringField("ingested_at", ingested.of(nowMillis));
    out.writeStringField("app", "bench");
    out.writeNumberField("contract_version", 1);
  }

  void bits(
      boolean failedBurst,
      boolean riskyCountry,
      boolean internalIp,
      boolean sanctioned,
      boolean hasAttachment,
      int heat)
      throws IOException {
    out.writeArrayFieldStart("bits");
    writeIf(failedBurst, "failed_burst");
    writeIf(riskyCountry, "risky_country");
    writeIf(internalIp, "internal_ip");
    writeIf(sanctioned, "sanctioned");
    writeIf(hasAttachment, "has_attachment");
    writeIf(heat >= 0, "heat.WARM");
    writeIf(heat >= 1, "heat.HOT");
    writeIf(heat >= 2, "heat.SCORCH");
    out.writeEndArray();
  }

  void rules(boolean bruteForce, boolean scanBlob) throws IOException {
    out.writeArrayFieldStart("rules");
    writeIf(bruteForce, "brute_force");
    writeIf(scanBlob, "scan_blob");
    out.writeEndArray();
    out.writeStringField("action", bruteForce ? "flag" : scanBlob ? "route lucius" : "pass");
  }

  void facts(String attemptsLevel) throws IOException {
    text.setLength(0);
    text.append('{');
    if (attemptsLevel != null) {
      text.append("\"attempts_level\":\"").append(attemptsLevel).append('"');
    }
    out.writeStringField("facts", text.append('}').toString());
  }

  ByteArrayBuilder finish(ReferenceEvent event, ReferenceDetector detector) throws IOException {
    text.setLength(0);
    text.append("{\"login_rate.fails\":").append((double) detector.fails);
    text.append(",\"login_rate.attempts_ewma\":").append(detector.ewma);
    text.append(",\"login_rate.attempts_cusum\":");
    text.append(Double.isNaN(detector.cusum) ? "null" : Double.toString(detector.cusum));
    text.append(",\"login_rate.strikes\":").append((double) detector.strikes).append('}');
    String values = text.toString();
    out.writeStringField("detector_values", values);
    out.writeStringField("playbook_outcomes", outcomes(event, detector, values));
    out.writeNullField("anomaly_score");
    out.writeStringField("ts", eventTime.of(event.ts));
    out.writeStringField("tenant", event.tenant);
    out.writeStringField("user", event.user);
    out.writeStringField("ip", event.ip);
    out.writeStringField("country", event.country);
    out.writeNumberField("attempts", event.attempts);
    out.writeStringField("card", event.card);
    out.writeStringField("email", event.email);
    out.writeStringField("attachment", event.attachment);
    out.writeEndObject();
    out.close();
    return buffer;
  }

  private String outcomes(ReferenceEvent event, ReferenceDetector detector, String values) {
    if (detector.lockout == null) {
      return "[]";
    }
    text.setLength(0);
    text.append("[{\"playbook\":\"lockout\",\"status\":\"")
        .append(detector.lockout.equals("admitted") ? "FIRED" : "SUPPRESSED")
        .append("\",\"reason\":\"")
        .append(detector.lockout)
        .append("\",\"atMillis\":")
        .append(now)
        .append(",\"signal\":\"lock_account\",\"args\":{\"user\":\"")
        .append(event.user)
        .append("\",\"reason\":\"brute force\"},\"rules\":[\"brute_force\"],\"detectors\":")
        .append(values)
        .append(",\"inputs\":{\"user\":\"")
        .append(event.user)
        .append("\",\"ip\":\"")
        .append(event.ip)
        .append("\",\"attempts\":")
        .append(event.attempts)
        .append("}}]");
    return text.toString();
  }

  private void writeIf(boolean set, String name) throws IOException {
    if (set) {
      out.writeString(name);
    }
  }

  /** One column's date-time text, formatted once per second. */
  private static final class SecondText {
    private long second = Long.MIN_VALUE;
    private String text;

    String of(long millis) {
      long thisSecond = Math.floorDiv(millis, 1000);
      if (thisSecond != second) {
        second = thisSecond;
        text = DATE_TIME.format(Instant.ofEpochSecond(thisSecond));
      }
      return text;
    }
  }
}
