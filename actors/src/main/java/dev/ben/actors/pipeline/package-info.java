/**
 * A pipeline's data path on this node: a supervisor that starts its stages from the store backwards
 * (so every stage has somewhere to send before it accepts anything), one actor per stage owning
 * that stage's running stream, and the node-local directory that tells ingest endpoints where a
 * pipeline's events go in.
 */
package dev.ben.actors.pipeline;
