package dev.ben.actors.screen;

import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.model.FieldType;
import dev.ben.contracts.model.ValueList;
import dev.ben.contracts.screen.ListScreens;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Versions of one pipeline held in memory, each with a sanctions list; counts its reads. */
final class FakeVersionLists implements VersionLists {

  final String pipeline;
  final TreeMap<Long, List<String>> versions = new TreeMap<>();
  final Map<Long, AtomicInteger> reads = new ConcurrentHashMap<>();
  volatile boolean failing;

  FakeVersionLists(String pipeline) {
    this.pipeline = pipeline;
  }

  FakeVersionLists with(long version, String... names) {
    versions.put(version, List.of(names));
    return this;
  }

  int reads(long version) {
    return reads.getOrDefault(version, new AtomicInteger()).get();
  }

  @Override
  public CompletionStage<Long> newest(String name) {
    if (!name.equals(pipeline) || versions.isEmpty()) {
      return CompletableFuture.failedFuture(
          new ScreenLookupException(ScreenRefusal.NOT_FOUND, "no pipeline " + name, null));
    }
    return CompletableFuture.completedFuture(versions.lastKey());
  }

  @Override
  public CompletionStage<ListScreens> lists(String name, long version) {
    reads.computeIfAbsent(version, v -> new AtomicInteger()).incrementAndGet();
    if (failing) {
      return CompletableFuture.failedFuture(new IllegalStateException("the ledger is away"));
    }
    List<String> names = versions.get(version);
    if (!name.equals(pipeline) || names == null) {
      return CompletableFuture.failedFuture(
          new ScreenLookupException(
              ScreenRefusal.NOT_FOUND, name + " has no version " + version, null));
    }
    var list = new ValueList("sanctions_names", FieldType.STRING, names, "");
    var contracts =
        new ContractSet(
            "p",
            "v" + version,
            List.of(),
            List.of(list),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of());
    return CompletableFuture.completedFuture(ListScreens.of(contracts));
  }
}
