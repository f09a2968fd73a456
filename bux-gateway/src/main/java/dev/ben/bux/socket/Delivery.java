package dev.ben.bux.socket;

/** What a subscription hands its client: an item, the count of items it missed, or a failure. */
sealed interface Delivery {

  record Item(TopicItem item) implements Delivery {}

  record Gap(long missed) implements Delivery {}

  /** The topic could not be read this time (its backend did not answer); later items may follow. */
  record Failed(String reason) implements Delivery {}
}
