package dev.ben.bench.dataplane;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The answers of one HTTP/1.1 keep-alive connection, read as they arrive in pieces: each answer is
 * a status line, headers and a body of {@code Content-Length} bytes (what the node sends for a
 * decision or a refusal). The load keeps one request in flight per connection, so an answer is
 * complete once its body is in; what cannot be read as an answer is an error that names what was
 * wrong, and the connection is not used again.
 */
final class HttpAnswerReader {

  /** Headers longer than this are not an answer from the node. */
  static final int MAX_HEAD = 16 * 1024;

  private static final byte[] HEAD_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private byte[] buffered = new byte[4096];
  private int length;
  private int status = -1;
  private int bodyFrom;
  private long bodyLength;
  private boolean closes;
  private String refusal = "";

  /** Takes the bytes {@code in} has left. */
  void take(ByteBuffer in) {
    int more = in.remaining();
    if (length + more > buffered.length) {
      buffered = Arrays.copyOf(buffered, Math.max(buffered.length * 2, length + more));
    }
    in.get(buffered, length, more);
    length += more;
  }

  /**
   * The status of the answer complete in what was taken, or -1 while it is not; the answer is then
   * consumed and the next read starts after it.
   */
  int next() throws IOException {
    if (status < 0 && !readHead()) {
      return -1;
    }
    if (length - bodyFrom < bodyLength) {
      return -1;
    }
    int answered = status;
    int end = bodyFrom + (int) bodyLength;
    refusal = answered == 200 ? "" : reason(new String(buffered, bodyFrom, end - bodyFrom, UTF_8));
    System.arraycopy(buffered, end, buffered, 0, length - end);
    length -= end;
    status = -1;
    return answered;
  }

  /**
   * Why the node refused the last complete answer's request, in parentheses, as its {@code error}
   * says it up to the first parenthesis or semicolon (the rest is advice), so that refusals of one
   * kind count together; "" for a 200 or a body without an {@code error}.
   */
  String refusal() {
    return refusal;
  }

  private static String reason(String body) {
    String key = "\"error\":\"";
    int from = body.indexOf(key);
    if (from < 0) {
      return "";
    }
    from += key.length();
    int end = from;
    while (end < body.length() && "\"(;".indexOf(body.charAt(end)) < 0) {
      end++;
    }
    return " (" + body.substring(from, end).strip() + ")";
  }

  /** Whether the last complete answer said the server closes the connection after it. */
  boolean closes() {
    return closes;
  }

  private boolean readHead() throws IOException {
    int end = indexOf(HEAD_END);
    if (end < 0) {
      if (length > MAX_HEAD) {
        throw new IOException("answer headers over " + MAX_HEAD + " bytes");
      }
      return false;
    }
    String[] lines = new String(buffered, 0, end, StandardCharsets.ISO_8859_1).split("\r\n", -1);
    status = statusOf(lines[0]);
    bodyLength = -1;
    closes = false;
    for (int i = 1; i < lines.length; i++) {
      header(lines[i]);
    }
    if (bodyLength < 0) {
      throw new IOException("answer without Content-Length: " + lines[0]);
    }
    bodyFrom = end + HEAD_END.length;
    return true;
  }

  private void header(String line) throws IOException {
    int colon = line.indexOf(':');
    if (colon <= 0) {
      throw new IOException("malformed header line: " + line);
    }
    String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
    String value = line.substring(colon + 1).trim();
    if (name.equals("content-length")) {
      try {
        bodyLength = Long.parseLong(value);
      } catch (NumberFormatException e) {
        throw new IOException("malformed Content-Length: " + value);
      }
    } else if (name.equals("transfer-encoding")) {
      throw new IOException("chunked answers are not read here: " + line);
    } else if (name.equals("connection")) {
      closes = value.equalsIgnoreCase("close");
    }
  }

  private static int statusOf(String statusLine) throws IOException {
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP/1.1 status line: " + statusLine);
    }
    try {
      return Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new IOException("not an HTTP/1.1 status line: " + statusLine);
    }
  }

  private int indexOf(byte[] what) {
    outer:
    for (int i = 0; i + what.length <= length; i++) {
      for (int j = 0; j < what.length; j++) {
        if (buffered[i + j] != what[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
