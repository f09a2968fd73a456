package dev.ben.actors.screen;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ben.contracts.screen.ListScreens;
import java.util.concurrent.CompletionStage;

/**
 * Each version's lists read once: a version's bundle never changes once staged, so its decoded
 * lists are kept (the {@code ben.screen.cached-versions} most recently used) and concurrent first
 * requests share one read. A failed read is not kept: the next request tries again. Which version
 * is newest is asked every time, since staging changes it.
 */
public final class CachedVersionLists implements VersionLists {

  private record Key(String pipeline, long version) {}

  private final VersionLists source;
  private final AsyncCache<Key, ListScreens> cache;

  public CachedVersionLists(VersionLists source, int versions) {
    this.source = source;
    this.cache = Caffeine.newBuilder().maximumSize(versions).buildAsync();
  }

  @Override
  public CompletionStage<Long> newest(String pipeline) {
    return source.newest(pipeline);
  }

  @Override
  public CompletionStage<ListScreens> lists(String pipeline, long version) {
    return cache.get(
        new Key(pipeline, version),
        (key, executor) -> source.lists(pipeline, version).toCompletableFuture());
  }
}
