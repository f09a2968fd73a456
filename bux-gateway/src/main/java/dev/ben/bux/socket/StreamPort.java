package dev.ben.bux.socket;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Source;

/**
 * A stream topic's source in the node: each element one item (with an {@code at} field, epoch ms,
 * when it has one). Opened while someone subscribes, cancelled when the last one leaves; it must
 * drop rather than wait when it is not read fast enough.
 */
@FunctionalInterface
public interface StreamPort {
  Source<JsonNode, NotUsed> open();
}
