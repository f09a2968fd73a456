package dev.ben.streams.sidecar;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Unique event ids: random version-4 UUIDs drawn from a thread-local generator, because {@link
 * UUID#randomUUID()} takes a SecureRandom lock per call on the ingest path. Uniqueness, not
 * unpredictability, is what the store's deduplication needs.
 */
public final class EventIds {

  private EventIds() {}

  public static String next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long most = (random.nextLong() & ~0xF000L) | 0x4000L;
    long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(most, least).toString();
  }
}
