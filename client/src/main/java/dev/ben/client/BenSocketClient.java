package dev.ben.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One session with a Ben node's socket sidecar. Opening it says HELLO and waits for WELCOME; {@link
 * #send} writes one batch and waits for its ACK; the app's signals arrive on {@link #signals()},
 * each acknowledged to the node as it is received; a PING keeps a session that only listens from
 * timing out. Thread-safe: batches may be sent from several threads (each waits for its own ack). A
 * background thread reads; another writes acks and pings, so the reader never waits on a write.
 *
 * <pre>{@code
 * try (BenSocketClient ben = BenSocketClient.tcp("127.0.0.1", 7071, "shop", "auth")) {
 *   Ack ack = ben.send(List.of("{\"user\":\"ann\",\"attempts\":3}"));
 *   String signal = ben.signals().poll(1, TimeUnit.SECONDS);
 * }
 * }</pre>
 */
public final class BenSocketClient implements AutoCloseable {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /**
   * Server frames are acks, signals and errors: small; anything larger means the peer is not a Ben
   * node.
   */
  private static final int MAX_SERVER_FRAME = 16 * 1024 * 1024;

  private static final int SIGNALS_KEPT = 1024;

  private final SocketChannel channel;
  private final Object writing = new Object();
  private final ScheduledExecutorService writer =
      Executors.newSingleThreadScheduledExecutor(daemon("ben-client-writer"));
  private final Map<Long, CompletableFuture<Ack>> pending = new ConcurrentHashMap<>();
  private final CompletableFuture<Map<String, Object>> welcome = new CompletableFuture<>();
  private final CompletableFuture<Void> ended = new CompletableFuture<>();
  private final BlockingQueue<String> signals = new LinkedBlockingQueue<>(SIGNALS_KEPT);
  private final AtomicLong nextSeq = new AtomicLong();
  private volatile IOException lastError;
  private volatile boolean closing;
  private volatile int maxFrame;

  private BenSocketClient(SocketChannel channel) {
    this.channel = channel;
  }

  /**
   * A session over TCP ({@code ben.ingest.socket.port}, 7071 by default) for the events of the app
   * whose key this is ({@code benctl apps create}) into the pipeline.
   */
  public static BenSocketClient tcp(String host, int port, String key, String pipeline)
      throws IOException {
    return open(SocketChannel.open(new InetSocketAddress(host, port)), key, pipeline);
  }

  /**
   * A session on a pipeline's Unix socket ({@code $BEN_HOME/run/NAME}) for the app whose key this
   * is; the socket names the pipeline.
   */
  public static BenSocketClient unix(Path path, String key) throws IOException {
    SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    channel.connect(UnixDomainSocketAddress.of(path));
    return open(channel, key, null);
  }

  private static BenSocketClient open(SocketChannel channel, String key, String pipeline)
      throws IOException {
    BenSocketClient client = new BenSocketClient(channel);
    try {
      client.start(key, pipeline);
      return client;
    } catch (IOException | RuntimeException e) {
      client.shutdown();
      throw e;
    }
  }

  /** Sends one batch (one JSON event per element) and waits for its ack. */
  public Ack send(List<String> jsonLines) throws IOException {
    return send(jsonLines, TIMEOUT);
  }

  public Ack send(List<String> jsonLines, Duration timeout) throws IOException {
    long seq = nextSeq.incrementAndGet();
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    payload.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(seq).array());
    for (int i = 0; i < jsonLines.size(); i++) {
      String line = jsonLines.get(i);
      if (line.indexOf('\n') >= 0) {
        throw new IllegalArgumentException(
            "line " + (i + 1) + " contains a newline; each element is one event");
      }
      payload.writeBytes(line.getBytes(StandardCharsets.UTF_8));
      payload.write('\n');
    }
    if (payload.size() + 2 > maxFrame) {
      throw new IllegalArgumentException(
          "the batch is "
              + (payload.size() + 2)
              + " bytes, over the node's frame "
              + "limit of "
              + maxFrame
              + "; send fewer events at a time");
    }
    CompletableFuture<Ack> ack = new CompletableFuture<>();
    pending.put(seq, ack);
    write(Frames.encode(Frames.EVENTS, Frames.BATCH, payload.toByteArray()));
    return await(ack, timeout, "the ack of batch " + seq);
  }

  /**
   * The app's signals (JSON, as the server-sent-event stream carries them), oldest first; the
   * oldest kept 1024.
   */
  public BlockingQueue<String> signals() {
    return signals;
  }

  /**
   * The last ERROR the server sent that no send was waiting for (a bad SIGNAL_ACK, say), or null.
   */
  public IOException lastError() {
    return lastError;
  }

  /**
   * What the node said in WELCOME: session, protocol, app, pipeline, max_frame, idle_timeout_ms.
   */
  public Map<String, Object> welcome() {
    return welcome.getNow(Map.of());
  }

  /** Says BYE, waits briefly for the server to close, and releases the connection and threads. */
  @Override
  public void close() {
    if (closing) {
      return;
    }
    closing = true;
    try {
      write(Frames.encode(Frames.CONTROL, Frames.BYE, new byte[0]));
      ended.get(5, TimeUnit.SECONDS);
    } catch (IOException | InterruptedException | ExecutionException | TimeoutException e) {
      // Closing anyway: the server ends the session when the connection goes.
    }
    shutdown();
  }

  private void start(String key, String pipeline) throws IOException {
    Thread reader = daemon("ben-client-reader").newThread(this::read);
    reader.start();
    String hello =
        "{\"protocol\":1,\"key\":"
            + Json.quote(key)
            + (pipeline == null ? "" : ",\"pipeline\":" + Json.quote(pipeline))
            + "}";
    write(Frames.encode(Frames.CONTROL, Frames.HELLO, hello.getBytes(StandardCharsets.UTF_8)));
    Map<String, Object> welcomed = await(welcome, TIMEOUT, "WELCOME");
    maxFrame = (int) Ack.number(welcomed, "max_frame");
    long ping = Math.max(100, Ack.number(welcomed, "idle_timeout_ms") / 3);
    writer.scheduleWithFixedDelay(
        () -> quietly(Frames.encode(Frames.CONTROL, Frames.PING, new byte[0])),
        ping,
        ping,
        TimeUnit.MILLISECONDS);
  }

  private void read() {
    IOException end = new IOException("the node closed the session");
    try {
      for (Frames.Frame frame = Frames.read(channel, MAX_SERVER_FRAME);
          frame != null;
          frame = Frames.read(channel, MAX_SERVER_FRAME)) {
        ServerFrames.dispatch(frame, this);
      }
    } catch (IOException e) {
      end = closing ? end : e;
    } finally {
      fail(end);
      ended.complete(null);
    }
  }

  void welcomed(Map<String, Object> json) {
    welcome.complete(json);
  }

  void acked(Ack ack) {
    CompletableFuture<Ack> waiting = pending.remove(ack.seq());
    if (waiting != null) {
      waiting.complete(ack);
    }
  }

  void signalled(long id, String json) {
    // The app reads at its own pace: when it has not taken the last 1024 signals, the oldest go.
    while (!signals.offer(json)) {
      signals.poll();
    }
    writer.execute(
        () ->
            quietly(
                Frames.encode(
                    Frames.CONTROL,
                    Frames.SIGNAL_ACK,
                    ("{\"id\":" + id + "}").getBytes(StandardCharsets.UTF_8))));
  }

  void refused(BenSocketException error, Long seq) {
    CompletableFuture<Ack> waiting = seq == null ? null : pending.remove(seq);
    if (waiting != null) {
      waiting.completeExceptionally(error);
    } else if (!welcome.isDone()) {
      welcome.completeExceptionally(error);
    } else {
      lastError = error;
    }
    if (error.fatal()) {
      fail(error);
    }
  }

  private void fail(IOException error) {
    welcome.completeExceptionally(error);
    pending.values().forEach(waiting -> waiting.completeExceptionally(error));
    pending.clear();
  }

  private void write(ByteBuffer frame) throws IOException {
    synchronized (writing) {
      Frames.write(channel, frame);
    }
  }

  private void quietly(ByteBuffer frame) {
    try {
      write(frame);
    } catch (IOException e) {
      lastError = e;
    }
  }

  private void shutdown() {
    writer.shutdownNow();
    try {
      channel.close();
    } catch (IOException ignored) {
      // Nothing more to release.
    }
  }

  private static <T> T await(CompletableFuture<T> future, Duration timeout, String what)
      throws IOException {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } catch (TimeoutException e) {
      throw new IOException("no " + what + " within " + timeout.toSeconds() + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for " + what, e);
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
