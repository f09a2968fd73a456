package dev.ben.streams.detector.state;

import dev.ben.streams.nats.KvBuckets;
import dev.ben.streams.nats.NatsClient;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Snapshots in a JetStream KV bucket shared by the cluster, so a shard that moves to another member
 * resumes there. A KV key is dot-separated tokens, so {@code <pipeline>/<shard>/<schema>/<fp>} is
 * stored as {@code <pipeline>.<shard>.<schema>.<fp>} with every character outside {@code
 * [A-Za-z0-9_-]} of a name escaped as {@code =XX} (hex of its UTF-8 bytes): a shard then lists its
 * own keys with the filter {@code <pipeline>.<shard>.>}. A value must fit in one message, so the
 * largest snapshot is the server's {@code max_payload} (1 MB by default) less {@link #HEADROOM} for
 * the message's subject and headers, or the configured bound if smaller.
 */
public final class NatsShardStateStore implements ShardStateStore {

  /** Room left in a message for the KV subject and JetStream headers. */
  static final int HEADROOM = 8 * 1024;

  private final KvBuckets kv;
  private final String bucket;
  private final String server;
  private final int maxValueBytes;

  private NatsShardStateStore(NatsClient nats, String bucket, int configuredMax) {
    this.kv = nats.kv();
    this.bucket = bucket;
    this.server = nats.server();
    long payload = nats.maxPayload();
    this.maxValueBytes = (int) Math.min(configuredMax, Math.max(1024, payload - HEADROOM));
  }

  /** Creates the bucket when missing. The client stays the caller's to close. */
  public static NatsShardStateStore open(NatsClient nats, String bucket, int configuredMax) {
    nats.kv().ensure(bucket);
    return new NatsShardStateStore(nats, bucket, configuredMax);
  }

  @Override
  public Map<StateKey, byte[]> load(String pipeline, int shard) {
    String prefix = token(pipeline) + "." + shard + ".";
    Map<StateKey, byte[]> found = new LinkedHashMap<>();
    for (String key : kv.keys(bucket, prefix + ">")) {
      String[] rest = key.substring(prefix.length()).split("\\.", -1);
      if (rest.length == 2) {
        StateKey parsed = new StateKey(pipeline, shard, name(rest[0]), name(rest[1]));
        kv.get(bucket, key).ifPresent(bytes -> found.put(parsed, bytes));
      }
    }
    return found;
  }

  @Override
  public Optional<byte[]> get(StateKey key) {
    return kv.get(bucket, kvKey(key));
  }

  @Override
  public void put(StateKey key, byte[] snapshot) {
    kv.put(bucket, kvKey(key), snapshot);
  }

  @Override
  public void delete(StateKey key) {
    kv.delete(bucket, kvKey(key));
  }

  @Override
  public int maxValueBytes() {
    return maxValueBytes;
  }

  @Override
  public String describe() {
    return "NATS KV bucket " + bucket + " on " + server;
  }

  static String kvKey(StateKey key) {
    return token(key.pipeline())
        + "."
        + key.shard()
        + "."
        + token(key.schema())
        + "."
        + token(key.fingerprint());
  }

  static String token(String name) {
    var out = new StringBuilder(name.length());
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      boolean plain =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '-';
      if (plain) {
        out.append(c);
      } else {
        out.append('=').append(String.format("%02X", b & 0xFF));
      }
    }
    return out.toString();
  }

  static String name(String token) {
    var bytes = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c == '=' && i + 2 < token.length()) {
        bytes.write(Integer.parseInt(token.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.write(c);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
