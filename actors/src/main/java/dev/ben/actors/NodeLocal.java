package dev.ben.actors;

import org.apache.pekko.actor.NoSerializationVerificationNeeded;

/**
 * Marker for messages that never leave their node (they carry stream sinks, materialised values and
 * the like). Tests run with {@code pekko.actor.serialize-messages = on}; this marker is how a
 * protocol states it is local, so every other message must be {@link ClusterSerializable}.
 */
public interface NodeLocal extends NoSerializationVerificationNeeded {}
