package dev.ben.streams.nats;

/**
 * One change seen by a KV watcher: a PUT carries the value, a DEL (delete or purge) carries none.
 */
public record KvChange(String key, Op op, long revision, byte[] value) {

  /** What happened to the key. */
  public enum Op {
    PUT,
    DEL
  }
}
