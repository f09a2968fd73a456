package dev.ben.streams.wal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.streams.flow.Envelope;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * How a logged event is laid out. The key is the pipeline's name, a zero byte and the sequence as 8
 * big-endian bytes, so a pipeline's entries sort together and in sequence order (names never hold a
 * zero byte). The value is what rebuilds the envelope exactly: event id, pipeline, app (each as
 * {@link DataOutputStream#writeUTF} writes it), received-at and the body's JSON bytes. The body is
 * either the parsed tree written out, or the bytes it was parsed from as the client sent them: both
 * read back into the same tree, so one decoder reads entries of either kind.
 */
final class WalRecord {

  private static final int SEQUENCE_BYTES = Long.BYTES;

  private WalRecord() {}

  static byte[] prefix(String pipeline) {
    byte[] name = pipeline.getBytes(StandardCharsets.UTF_8);
    return Arrays.copyOf(name, name.length + 1);
  }

  static byte[] key(byte[] prefix, long sequence) {
    // Written by hand: one array per logged event, not a buffer around it as well.
    byte[] key = Arrays.copyOf(prefix, prefix.length + SEQUENCE_BYTES);
    for (int i = key.length - 1; i >= prefix.length; i--) {
      key[i] = (byte) sequence;
      sequence >>>= 8;
    }
    return key;
  }

  static long sequence(byte[] key) {
    return ByteBuffer.wrap(key, key.length - SEQUENCE_BYTES, SEQUENCE_BYTES).getLong();
  }

  /** The pipeline a key belongs to. */
  static String pipeline(byte[] key) {
    return new String(key, 0, key.length - SEQUENCE_BYTES - 1, StandardCharsets.UTF_8);
  }

  static byte[] encode(Envelope event, ObjectMapper mapper) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeUTF(event.eventId());
      out.writeUTF(event.pipeline());
      out.writeUTF(event.app());
      out.writeLong(event.receivedAtMillis());
      out.write(mapper.writeValueAsBytes(event.body()));
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("an event cannot be written to the ingest log", e);
    }
  }

  /**
   * The entry of an event whose body is logged as the bytes it was parsed from: the same layout as
   * {@link #encode(Envelope, ObjectMapper)}, without writing the tree out again.
   */
  static byte[] encode(Envelope event, SentBytes body) {
    int idBytes = utfLength(event.eventId());
    int pipelineBytes = utfLength(event.pipeline());
    int appBytes = utfLength(event.app());
    byte[] value = new byte[6 + idBytes + pipelineBytes + appBytes + Long.BYTES + body.length()];
    int at = putUtf(value, 0, event.eventId(), idBytes);
    at = putUtf(value, at, event.pipeline(), pipelineBytes);
    at = putUtf(value, at, event.app(), appBytes);
    ByteBuffer.wrap(value, at, Long.BYTES).putLong(event.receivedAtMillis());
    System.arraycopy(body.array(), body.offset(), value, at + Long.BYTES, body.length());
    return value;
  }

  /** Bytes of {@code text} in the modified UTF-8 of {@link DataOutputStream#writeUTF}. */
  private static int utfLength(String text) {
    int length = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      length += c >= 0x0001 && c <= 0x007F ? 1 : c <= 0x07FF ? 2 : 3;
    }
    if (length > 0xFFFF) {
      throw new UncheckedIOException(
          new java.io.UTFDataFormatException("a name of " + length + " bytes cannot be logged"));
    }
    return length;
  }

  private static int putUtf(byte[] into, int at, String text, int length) {
    into[at++] = (byte) (length >>> 8);
    into[at++] = (byte) length;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x0001 && c <= 0x007F) {
        into[at++] = (byte) c;
      } else if (c <= 0x07FF) {
        into[at++] = (byte) (0xC0 | (c >> 6));
        into[at++] = (byte) (0x80 | (c & 0x3F));
      } else {
        into[at++] = (byte) (0xE0 | (c >> 12));
        into[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        into[at++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    return at;
  }

  static Envelope decode(byte[] value, long sequence, ObjectMapper mapper) {
    try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(value))) {
      String id = in.readUTF();
      String pipeline = in.readUTF();
      String app = in.readUTF();
      long receivedAt = in.readLong();
      JsonNode body = mapper.readTree(in);
      if (!(body instanceof ObjectNode object)) {
        throw new IOException("the body of event " + id + " is not a JSON object");
      }
      return new Envelope(id, pipeline, app, receivedAt, object).logged(sequence);
    } catch (IOException e) {
      throw new UncheckedIOException("an entry of the ingest log does not read back", e);
    }
  }
}
