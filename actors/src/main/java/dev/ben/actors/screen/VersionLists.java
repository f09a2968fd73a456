package dev.ben.actors.screen;

import dev.ben.contracts.screen.ListScreens;
import java.util.concurrent.CompletionStage;

/**
 * Where a pipeline's versions and their lists come from (the ledger, on a node). Both complete in
 * bounded time; they fail with a {@link ScreenLookupException} saying why.
 */
public interface VersionLists {

  /** The version that answers when none is named: the newest staged one. */
  CompletionStage<Long> newest(String pipeline);

  /** The lists of {@code version}'s contracts, read from its signed bundle. */
  CompletionStage<ListScreens> lists(String pipeline, long version);
}
