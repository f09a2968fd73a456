package dev.ben.actors.sidecar;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An HTTP/1.1 request written by hand over TCP, for what an HTTP client library would not do: a
 * chunked body that stops part-way, a connection closed or reset in the middle of it.
 */
final class RawHttpRequest implements AutoCloseable {

  /** A response read back: status and body. */
  record Response(int status, String body) {}

  private final Socket socket;
  private final OutputStream out;

  /** Opens the connection and writes the request head of a chunked POST. */
  RawHttpRequest(int port, String pathAndQuery, String... headers) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(20_000);
    out = socket.getOutputStream();
    StringBuilder head = new StringBuilder("POST " + pathAndQuery + " HTTP/1.1\r\n");
    head.append("Host: 127.0.0.1:").append(port).append("\r\n");
    head.append("Transfer-Encoding: chunked\r\n");
    for (String header : headers) {
      head.append(header).append("\r\n");
    }
    out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
  }

  void chunk(String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(bytes);
    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Resets the connection (RST): unread bytes on either side are thrown away. */
  void reset() throws IOException {
    socket.setSoLinger(true, 0);
    socket.close();
  }

  /** The response, read as far as its Content-Length says. */
  Response response() throws IOException {
    InputStream in = socket.getInputStream();
    String statusLine = line(in);
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    int length = 0;
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(header.substring("content-length:".length()).strip());
      }
    }
    return new Response(status, new String(in.readNBytes(length), StandardCharsets.UTF_8));
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("the connection closed in a response line");
      }
      line.write(b);
    }
    return line.toString(StandardCharsets.US_ASCII).strip();
  }

  /** Closes the connection (FIN) without ending the body. */
  @Override
  public void close() throws IOException {
    socket.close();
  }
}
