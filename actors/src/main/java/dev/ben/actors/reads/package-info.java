/**
 * What ben_api reads from the runtime, implemented over it: the ledger's pipelines and versions
 * (asked of the ledger singleton), the cluster's members and shards (from this node's view of the
 * cluster), stored events (queried from the front-end replica tables) and the web analytics of
 * beacon pipelines (queried from their schema tables). The gateway sees only its ports ({@code
 * dev.ben.bux.api}); this package is how a node lends them.
 */
package dev.ben.actors.reads;
