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
 * zero byte). The value is what rebuilds the envelope exactly: event id, pipeline, app, received-at
 * and the body's JSON bytes.
 */
final class WalRecord {

  private static final int SEQUENCE_BYTES = Long.BYTES;

  private WalRecord() {}

  static byte[] prefix(String pipeline) {
    byte[] name = pipeline.getBytes(StandardCharsets.UTF_8);
    return Arrays.copyOf(name, name.length + 1);
  }

  static byte[] key(byte[] prefix, long sequence) {
    return ByteBuffer.allocate(prefix.length + SEQUENCE_BYTES)
        .put(prefix)
        .putLong(sequence)
        .array();
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
