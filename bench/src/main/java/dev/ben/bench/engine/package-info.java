/**
 * The engines alone on one thread, on {@code examples/auth} with its detectors: what a node does to
 * one event (parse the JSON line, spine, detectors and playbook with its bound, the store row) run
 * through Ben's engines ({@link dev.ben.bench.engine.EngineLoop}) and as a plain hand-written Java
 * loop doing the same work ({@link dev.ben.bench.engine.ReferenceLoop}), so every run reports the
 * engines beside what a user could write instead.
 */
package dev.ben.bench.engine;
