package dev.ben.client;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;

/**
 * The wire format on the client side: {@code u32 big-endian length | u8 lane | u8 type | payload},
 * the length counting lane, type and payload. Reads are blocking and whole-frame; a frame longer
 * than the limit is refused before anything is allocated for it.
 */
final class Frames {

  static final int CONTROL = 0;
  static final int EVENTS = 1;
  static final int HELLO = 1;
  static final int WELCOME = 2;
  static final int SIGNAL = 3;
  static final int SIGNAL_ACK = 4;
  static final int ERROR = 5;
  static final int BYE = 6;
  static final int PING = 7;
  static final int PONG = 8;
  static final int BATCH = 1;
  static final int ACK = 2;

  /** One frame as read. */
  record Frame(int lane, int type, byte[] payload) {}

  private Frames() {}

  static ByteBuffer encode(int lane, int type, byte[] payload) {
    ByteBuffer frame = ByteBuffer.allocate(6 + payload.length);
    frame.putInt(2 + payload.length).put((byte) lane).put((byte) type).put(payload);
    return frame.flip();
  }

  static void write(ByteChannel channel, ByteBuffer frame) throws IOException {
    while (frame.hasRemaining()) {
      channel.write(frame);
    }
  }

  /** The next frame, or null when the server closed the connection between frames. */
  static Frame read(ByteChannel channel, int maxFrameBytes) throws IOException {
    ByteBuffer prefix = ByteBuffer.allocate(4);
    if (!fill(channel, prefix, true)) {
      return null;
    }
    long length = Integer.toUnsignedLong(prefix.flip().getInt());
    if (length < 2 || length > maxFrameBytes) {
      throw new IOException(
          "the server sent a frame of "
              + length
              + " bytes (limit "
              + maxFrameBytes
              + "); is this a Ben socket sidecar?");
    }
    ByteBuffer body = ByteBuffer.allocate((int) length);
    fill(channel, body, false);
    body.flip();
    byte[] payload = new byte[body.remaining() - 2];
    int lane = body.get() & 0xFF;
    int type = body.get() & 0xFF;
    body.get(payload);
    return new Frame(lane, type, payload);
  }

  private static boolean fill(ByteChannel channel, ByteBuffer buffer, boolean endAllowed)
      throws IOException {
    while (buffer.hasRemaining()) {
      if (channel.read(buffer) < 0) {
        if (endAllowed && buffer.position() == 0) {
          return false;
        }
        throw new EOFException("the connection ended in the middle of a frame");
      }
    }
    return true;
  }
}
