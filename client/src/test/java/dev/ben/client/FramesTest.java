package dev.ben.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import org.junit.jupiter.api.Test;

class FramesTest {

  /** A channel over bytes in memory (what a socket channel would read), writing to {@code out}. */
  private static ByteChannel channel(byte[] in, ByteArrayOutputStream out) {
    ReadableByteChannel reads = Channels.newChannel(new ByteArrayInputStream(in));
    WritableByteChannel writes = Channels.newChannel(out);
    return new ByteChannel() {
      public int read(ByteBuffer dst) throws IOException {
        return reads.read(dst);
      }

      public int write(ByteBuffer src) throws IOException {
        return writes.write(src);
      }

      public boolean isOpen() {
        return true;
      }

      public void close() {}
    };
  }

  @Test
  void aWrittenFrameReadsBackWithItsLaneTypeAndPayload() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Frames.write(
        channel(new byte[0], out),
        Frames.encode(Frames.EVENTS, Frames.BATCH, new byte[] {1, 2, 3}));
    byte[] bytes = out.toByteArray();
    assertArrayEquals(new byte[] {0, 0, 0, 5, 1, 1, 1, 2, 3}, bytes);
    ByteChannel in = channel(bytes, out);
    Frames.Frame frame = Frames.read(in, 1024);
    assertEquals(Frames.EVENTS, frame.lane());
    assertEquals(Frames.BATCH, frame.type());
    assertArrayEquals(new byte[] {1, 2, 3}, frame.payload());
    assertNull(Frames.read(in, 1024), "the end between frames is a clean end");
  }

  @Test
  void anImpossibleLengthOrAnEndMidFrameIsAnError() {
    assertThrows(
        IOException.class,
        () ->
            Frames.read(
                channel(new byte[] {0x7f, 0, 0, 0, 0, 1}, new ByteArrayOutputStream()), 1024));
    assertThrows(
        IOException.class,
        () -> Frames.read(channel(new byte[] {0, 0, 0, 1, 0}, new ByteArrayOutputStream()), 1024));
    assertThrows(
        EOFException.class,
        () ->
            Frames.read(channel(new byte[] {0, 0, 0, 9, 0, 1}, new ByteArrayOutputStream()), 1024));
  }
}
