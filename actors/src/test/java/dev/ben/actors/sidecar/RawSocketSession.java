package dev.ben.actors.sidecar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Raw frames over TCP, for what the client library would never send: garbage, unknown types,
 * batches before HELLO.
 */
final class RawSocketSession implements AutoCloseable {

  /** A frame read back: lane, type and payload. */
  record Frame(int lane, int type, byte[] payload) {
    JsonNode json() throws IOException {
      return new ObjectMapper().readTree(payload);
    }
  }

  private final Socket socket;
  private final DataInputStream in;
  private final DataOutputStream out;

  RawSocketSession(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(20_000);
    in = new DataInputStream(socket.getInputStream());
    out = new DataOutputStream(socket.getOutputStream());
  }

  void send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  void frame(int lane, int type, byte[] payload) throws IOException {
    out.writeInt(2 + payload.length);
    out.writeByte(lane);
    out.writeByte(type);
    out.write(payload);
    out.flush();
  }

  void frame(int lane, int type, String payload) throws IOException {
    frame(lane, type, payload.getBytes(StandardCharsets.UTF_8));
  }

  Frame read() throws IOException {
    int length = in.readInt();
    int lane = in.readUnsignedByte();
    int type = in.readUnsignedByte();
    byte[] payload = new byte[length - 2];
    in.readFully(payload);
    return new Frame(lane, type, payload);
  }

  /** True when the server closed the connection (after any frames still unread are skipped). */
  boolean closedByServer() throws IOException {
    try {
      while (true) {
        read();
      }
    } catch (EOFException end) {
      return true;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
