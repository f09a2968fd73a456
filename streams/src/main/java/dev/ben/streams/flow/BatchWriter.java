package dev.ben.streams.flow;

import java.util.List;

/**
 * Writes one batch of events to durable storage, blocking until it is stored or throwing when it is
 * not. Must be idempotent per event id: a batch may be written again after a failure.
 */
@FunctionalInterface
public interface BatchWriter {

  void write(List<Envelope> batch) throws Exception;
}
