package dev.ben.streams.archfixture;

import dev.ben.actors.ClusterSerializable;

/** A deliberate violation (test sources only) proving the architecture rule is not vacuous. */
public class StreamsImportingActors implements ClusterSerializable {}
