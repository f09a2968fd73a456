/**
 * Detector state spread over the cluster: each pipeline's keyed state is split into shards, each a
 * Cluster Sharding entity on a member with the detector role, fed by the detector stages of every
 * member running the pipeline; each playbook's bound is one budget entity for the whole cluster,
 * which admits the candidate firings of every shard.
 */
package dev.ben.actors.detector;
