package dev.ben.benctl.remote;

import java.nio.file.Path;

/**
 * How benctl speaks to the control API: cleartext, or TLS trusting either one CA file or the JVM's
 * default trust store (a server with a publicly trusted certificate).
 *
 * @param tls whether to speak TLS
 * @param ca the only certificate authority to trust; null for the JVM's default trust store
 * @param origin where the choice came from ({@code --ca}, {@code $BEN_TLS}, {@code context 'dev'}),
 *     for messages; null for cleartext
 */
public record Transport(boolean tls, Path ca, String origin) {

  /** Cleartext h2, as a node without {@code ben.tls} serves it. */
  public static final Transport CLEARTEXT = new Transport(false, null, null);

  /** TLS trusting the JVM's default trust store. */
  public static Transport defaultTrust(String origin) {
    return new Transport(true, null, origin);
  }

  /** TLS trusting only the CA in {@code ca}. */
  public static Transport trusting(Path ca, String origin) {
    return new Transport(true, ca, origin);
  }

  /** What the user chose, as messages name it: {@code the CA /etc/ben/ca.pem (--ca)}. */
  String describe() {
    if (!tls) {
      return "cleartext";
    }
    return ca == null
        ? "TLS with the JVM's default trust store (" + origin + ")"
        : "TLS trusting the CA " + ca + " (" + origin + ")";
  }
}
