package dev.ben.actors;

/**
 * Marker for every message that may cross a node boundary. It is bound to Jackson CBOR in
 * application.conf, so a message that forgets it fails loudly under {@code
 * pekko.actor.serialize-messages = on} instead of falling back to Java serialization.
 */
public interface ClusterSerializable {}
