package dev.ben.actors.node.servers;

import org.apache.pekko.util.ByteString;

/**
 * The bytes that open a connection to the control port, which a client sends without waiting for
 * the server: the whole first TLS record (the ClientHello, a few hundred bytes) when the connection
 * starts with a TLS handshake record, otherwise the 24 bytes of the HTTP/2 client preface. A client
 * still short of them is not talking to the port, only holding it. Fed from one stream stage, so
 * not thread-safe.
 */
final class OpeningBytes {

  static final int HTTP2_PREFACE = 24;
  static final int TLS_RECORD_HEADER = 5;

  /**
   * The largest plaintext TLS record (RFC 8446, 5.1); a longer length is a lie we do not wait on.
   */
  static final int TLS_MAX_RECORD = 1 << 14;

  private static final byte TLS_HANDSHAKE = 22;

  private final byte[] head = new byte[TLS_RECORD_HEADER];
  private long seen;

  /** Takes the next bytes of the connection; answers whether the opening is now complete. */
  boolean arrived(ByteString bytes) {
    for (int i = 0; i < bytes.size() && seen + i < TLS_RECORD_HEADER; i++) {
      head[(int) seen + i] = bytes.apply(i);
    }
    seen += bytes.size();
    return complete();
  }

  boolean complete() {
    return seen >= needed();
  }

  /** How many bytes open the connection, as far as the bytes seen tell. */
  long needed() {
    if (seen == 0 || head[0] != TLS_HANDSHAKE) {
      return HTTP2_PREFACE;
    }
    if (seen < TLS_RECORD_HEADER) {
      return TLS_RECORD_HEADER;
    }
    int length = ((head[3] & 0xff) << 8) | (head[4] & 0xff);
    return TLS_RECORD_HEADER + Math.min(length, TLS_MAX_RECORD);
  }
}
