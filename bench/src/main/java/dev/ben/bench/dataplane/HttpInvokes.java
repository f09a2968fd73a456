package dev.ben.bench.dataplane;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Invocations over HTTP/1.1 on a fixed number of keep-alive connections, one request in flight on
 * each, driven by the thread that paces the load: it writes a due request on an idle connection and
 * reads answers while it waits for the next due time, so the node sees exactly that many
 * connections however slow it is (requests not yet sent wait here, and their wait counts as
 * latency). One thread and no hand-over per request: on the 2-core machine the load shares with the
 * node, a blocking client's thread per connection cost about 170 µs of CPU an invocation, most of
 * it waking threads (docs/decisions.md). A failed request is never retried, it is counted, and its
 * connection replaced.
 */
final class HttpInvokes implements InvokeTransport {

  private record Due(byte[] body, Consumer<String> done) {}

  /** One keep-alive connection and the request it carries, if any. */
  private final class Connection {
    final SocketChannel channel;
    final SelectionKey key;
    final HttpAnswerReader answers = new HttpAnswerReader();
    ByteBuffer unsent;
    Consumer<String> waiting;

    Connection() throws IOException {
      channel = SocketChannel.open(address);
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      channel.configureBlocking(false);
      key = channel.register(selector, SelectionKey.OP_READ, this);
    }
  }

  private final InetSocketAddress address;
  private final byte[] head;
  private final Selector selector;
  private final List<Connection> idle = new ArrayList<>();
  private final ArrayDeque<Due> queued = new ArrayDeque<>();
  private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);

  HttpInvokes(String host, int port, String key, String pipeline, int connections)
      throws IOException {
    this.address = new InetSocketAddress(host, port);
    this.head =
        ("POST /api/v1/invoke/"
                + pipeline
                + " HTTP/1.1\r\nHost: "
                + host
                + ":"
                + port
                + "\r\nAuthorization: Bearer "
                + key
                + "\r\nContent-Type: application/json\r\nContent-Length: ")
            .getBytes(StandardCharsets.US_ASCII);
    this.selector = Selector.open();
    for (int c = 0; c < connections; c++) {
      idle.add(new Connection());
    }
  }

  @Override
  public void send(String event, Consumer<String> done) {
    queued.add(new Due(event.getBytes(StandardCharsets.UTF_8), done));
    sendQueued();
  }

  /**
   * Reads the answers that arrive within {@code nanos} (at least the ones already in). The selector
   * waits in whole milliseconds, so a shorter wait polls and then parks: an answer arriving then is
   * read up to that much late, which only adds to the latency measured.
   */
  @Override
  public void idle(long nanos) {
    try {
      long millis = TimeUnit.NANOSECONDS.toMillis(nanos);
      int ready = millis > 0 ? selector.select(millis) : selector.selectNow();
      if (ready == 0 && millis == 0 && nanos > 0) {
        LockSupport.parkNanos(nanos);
        selector.selectNow();
      }
      for (SelectionKey key : selector.selectedKeys()) {
        handle((Connection) key.attachment());
      }
      selector.selectedKeys().clear();
    } catch (IOException e) {
      throw new IllegalStateException("the load's selector failed", e);
    }
    sendQueued();
  }

  private void sendQueued() {
    while (!queued.isEmpty() && !idle.isEmpty()) {
      Connection connection = idle.remove(idle.size() - 1);
      Due due = queued.poll();
      connection.waiting = due.done();
      connection.unsent = request(due.body());
      write(connection);
    }
  }

  private ByteBuffer request(byte[] body) {
    byte[] length = (body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    return ByteBuffer.allocate(head.length + length.length + body.length)
        .put(head)
        .put(length)
        .put(body)
        .flip();
  }

  private void handle(Connection connection) {
    try {
      if (connection.key.isWritable()) {
        write(connection);
      }
      if (connection.key.isValid() && connection.key.isReadable()) {
        read(connection);
      }
    } catch (IOException e) {
      fail(connection, InvokeLoad.rootCause(e));
    }
  }

  private void write(Connection connection) {
    try {
      connection.channel.write(connection.unsent);
      boolean more = connection.unsent.hasRemaining();
      connection.key.interestOps(SelectionKey.OP_READ | (more ? SelectionKey.OP_WRITE : 0));
    } catch (IOException e) {
      fail(connection, InvokeLoad.rootCause(e));
    }
  }

  private void read(Connection connection) throws IOException {
    readBuffer.clear();
    int read = connection.channel.read(readBuffer);
    if (read < 0) {
      throw new IOException("the node closed the connection");
    }
    connection.answers.take(readBuffer.flip());
    int status = connection.answers.next();
    if (status < 0) {
      return;
    }
    if (connection.waiting == null) {
      throw new IOException("an answer to no request");
    }
    Consumer<String> done = connection.waiting;
    connection.waiting = null;
    done.accept(status == 200 ? null : "HTTP " + status + connection.answers.refusal());
    if (connection.answers.closes()) {
      replace(connection);
    } else {
      idle.add(connection);
    }
  }

  /** The request on it failed: counted with its cause, and the connection replaced by a new one. */
  private void fail(Connection connection, String cause) {
    Consumer<String> done = connection.waiting;
    connection.waiting = null;
    if (done != null) {
      done.accept(cause);
    }
    replace(connection);
  }

  private void replace(Connection connection) {
    idle.remove(connection);
    connection.key.cancel();
    try {
      connection.channel.close();
      idle.add(new Connection());
    } catch (IOException e) {
      // The node refuses connections now; the next requests wait for the ones left.
    }
  }

  @Override
  public void stop() throws IOException {
    for (SelectionKey key : selector.keys()) {
      key.channel().close();
    }
    selector.close();
  }
}
