/**
 * A pipeline's data path on this node: a supervisor that materialises the pipeline's one stream
 * graph (built by plain code from the node's shared resources), restarts it whole when any stage
 * fails, and tells the orchestrator of each stage as a component; and the node-local directory that
 * tells ingest endpoints where a pipeline's events go in.
 */
package dev.ben.actors.pipeline;
