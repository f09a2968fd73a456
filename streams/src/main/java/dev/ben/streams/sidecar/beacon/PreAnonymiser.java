package dev.ben.streams.sidecar.beacon;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pre-anonymisation of beacon data: an IPv4 address keeps its /24, an IPv6 address its /48, and a
 * visitor's identity becomes an HMAC-SHA-256 under a key derived from the node's secret and the day
 * (UTC), so visitors can be counted within a day but not followed across days. Plain code, safe to
 * share between threads.
 */
public final class PreAnonymiser {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]{2,39}(%\\w+)?");
  private static final int VISITOR_HEX = 32;

  private final byte[] secret;

  public PreAnonymiser(byte[] secret) {
    if (secret.length < 16) {
      throw new IllegalArgumentException(
          "the keyed-hashing secret needs at least 16 bytes, got " + secret.length);
    }
    this.secret = secret.clone();
  }

  /**
   * The address generalised (a.b.c.0, or the first 48 bits of an IPv6 address), empty when it is
   * not an address.
   */
  public Optional<String> generaliseIp(String address) {
    String text = address.strip();
    boolean v4 = IPV4.matcher(text).matches();
    if (!v4 && !(text.contains(":") && IPV6.matcher(text).matches())) {
      return Optional.empty();
    }
    try {
      byte[] bytes = InetAddress.getByName(text).getAddress();
      if (bytes.length == 4) {
        return Optional.of(
            (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0");
      }
      return Optional.of(
          String.format("%x:%x:%x::", word(bytes, 0), word(bytes, 2), word(bytes, 4)));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** The visitor's identity for {@code day}: the same all day, unrelated to the next day's. */
  public String visitor(String identity, LocalDate day) {
    byte[] dayKey = hmac(secret, "ben-visitor-key:" + day);
    return HexFormat.of().formatHex(hmac(dayKey, identity)).substring(0, VISITOR_HEX);
  }

  /**
   * Pre-anonymises a beacon event in place: {@code visitor} (or, without one, the address and user
   * agent together) becomes the day's keyed hash, then {@code client_ip} is generalised; an address
   * that is not one is removed. Returns the event.
   */
  public com.fasterxml.jackson.databind.node.ObjectNode apply(
      com.fasterxml.jackson.databind.node.ObjectNode event, LocalDate day) {
    String ip = event.path("client_ip").asText("");
    String identity =
        event.hasNonNull("visitor")
            ? event.get("visitor").asText()
            : ip + "|" + event.path("user_agent").asText("");
    event.put("visitor", visitor(identity, day));
    Optional<String> generalised = generaliseIp(ip);
    if (generalised.isPresent()) {
      event.put("client_ip", generalised.get());
    } else {
      event.remove("client_ip");
    }
    return event;
  }

  private static int word(byte[] bytes, int at) {
    return ((bytes[at] & 0xff) << 8) | (bytes[at + 1] & 0xff);
  }

  private static byte[] hmac(byte[] key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA-256 is part of every JDK", e);
    }
  }
}
