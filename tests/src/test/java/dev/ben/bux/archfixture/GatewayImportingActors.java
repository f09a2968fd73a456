package dev.ben.bux.archfixture;

import dev.ben.actors.NodeLocal;

/** A deliberate violation (test sources only) proving the architecture rule is not vacuous. */
public class GatewayImportingActors implements NodeLocal {}
