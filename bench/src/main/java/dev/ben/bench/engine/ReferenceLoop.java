package dev.ben.bench.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.ben.contracts.engine.bitspec.Levenshtein;
import dev.ben.contracts.event.IpAddresses;
import dev.ben.contracts.event.Timestamps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The "plain Java loop": examples/auth hand-written for one event at a time, the work Ben's engines
 * do for it with nothing general. Jackson's streaming parser reads the line; the predicates,
 * threshold and rules of {@code login_guard} are if-statements; the card is masked and the email
 * hashed with HMAC-SHA-256; {@link ReferenceDetector} keeps {@code login_rate} and the lockout's
 * bound; {@link ReferenceRow} writes the store row. Not thread-safe.
 */
public final class ReferenceLoop {

  private static final Set<String> HIGH_RISK = Set.of("KP", "IR", "SY");
  private static final String[] HEAT = {"WARM", "HOT", "SCORCH"};
  private static final long[] HEAT_AT = {3, 10, 50};
  private static final HexFormat HEX = HexFormat.of();

  private final JsonFactory json = new JsonFactory();
  private final int[][] sanctions;
  private final int[] codePoints = new int[256];
  private final int[] previousRow = new int[64];
  private final int[] currentRow = new int[64];
  private final Mac hmac;
  private final ReferenceDetector detector = new ReferenceDetector();
  private final ReferenceRow row = new ReferenceRow();
  private final ReferenceEvent event = new ReferenceEvent();

  public ReferenceLoop(List<String> sanctionNames, byte[] deploymentKey) {
    this.sanctions =
        sanctionNames.stream().map(name -> name.codePoints().toArray()).toArray(int[][]::new);
    try {
      this.hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(deploymentKey, "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Processes one NDJSON line at {@code nowMillis}; returns the row written. */
  public ByteArrayBuilder process(byte[] line, long nowMillis) throws IOException {
    parse(line);
    boolean failedBurst = event.attempts > 5;
    boolean riskyCountry = event.country != null && HIGH_RISK.contains(event.country);
    boolean internalIp = (event.ipv4 >>> 24) == 10;
    boolean sanctioned = sanctioned(event.user);
    boolean hasAttachment = event.attachment != null;
    int heat = -1;
    while (heat + 1 < HEAT_AT.length && event.attempts >= HEAT_AT[heat + 1]) {
      heat++;
    }
    boolean bruteForce = failedBurst && !internalIp;
    if (event.card != null) {
      event.card = maskSuffix(event.card, 4);
    }
    if (event.email != null) {
      event.email = HEX.formatHex(hmac.doFinal(event.email.getBytes(StandardCharsets.UTF_8)));
    }
    detector.update(event, failedBurst, bruteForce, nowMillis);
    row.reset(nowMillis);
    row.bits(failedBurst, riskyCountry, internalIp, sanctioned, hasAttachment, heat);
    row.rules(bruteForce, hasAttachment);
    row.facts(heat < 0 ? null : HEAT[heat]);
    return row.finish(event, detector);
  }

  private void parse(byte[] line) throws IOException {
    event.clear();
    try (JsonParser parser = json.createParser(line)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not an object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (value == JsonToken.VALUE_NULL) {
          continue;
        }
        switch (name) {
          case "ts" -> event.ts = Timestamps.parseIsoMillis(parser.getText());
          case "tenant" -> event.tenant = parser.getText();
          case "user" -> event.user = parser.getText();
          case "ip" -> {
            event.ip = parser.getText();
            event.ipv4 = IpAddresses.parseV4(event.ip, 0, event.ip.length());
          }
          case "country" -> event.country = parser.getText();
          case "attempts" -> event.attempts = parser.getLongValue();
          case "card" -> event.card = parser.getText();
          case "email" -> event.email = parser.getText();
          case "attachment" -> event.attachment = parser.getText();
          default -> parser.skipChildren();
        }
      }
    }
    if (event.ts == Long.MIN_VALUE || event.user == null || event.ipv4 < 0) {
      throw new IOException("does not fit the schema");
    }
  }

  private boolean sanctioned(String user) {
    int length = 0;
    for (int i = 0; i < user.length() && length < codePoints.length; ) {
      int codePoint = user.codePointAt(i);
      codePoints[length++] = codePoint;
      i += Character.charCount(codePoint);
    }
    for (int[] name : sanctions) {
      if (Levenshtein.bounded(codePoints, length, name, 2, previousRow, currentRow) <= 2) {
        return true;
      }
    }
    return false;
  }

  private static String maskSuffix(String text, int keep) {
    char[] masked = text.toCharArray();
    for (int i = 0; i < masked.length - keep; i++) {
      masked[i] = '*';
    }
    return new String(masked);
  }
}
