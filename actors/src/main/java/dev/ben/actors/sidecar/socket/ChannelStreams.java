package dev.ben.actors.sidecar.socket;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * Blocking streams over one socket channel that can read and write at the same time. The JDK's
 * {@code Channels.newInputStream/newOutputStream} take the channel's blocking lock for every call,
 * so a read that waits for the client would hold back every write (acks, signals) until the client
 * sends again.
 */
final class ChannelStreams {

  private ChannelStreams() {}

  static InputStream input(SocketChannel channel) {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
      }

      @Override
      public int read(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
          return 0;
        }
        return channel.read(ByteBuffer.wrap(bytes, offset, length));
      }

      @Override
      public void close() {
        // The output side closes the channel; ending the reads must not cut off replies still being
        // written.
      }
    };
  }

  static OutputStream output(SocketChannel channel) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
      }

      @Override
      public void close() throws IOException {
        channel.close();
      }
    };
  }
}
