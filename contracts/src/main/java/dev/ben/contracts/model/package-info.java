/**
 * The compiled contract model: immutable, Jackson-serialisable records that the compiler produces
 * from checked sources and that every engine, the bundle format, the runtime, benctl and bux
 * consume.
 *
 * <p>The picture: a {@link dev.ben.contracts.model.ContractSet} holds every artifact of one build
 * -- {@link dev.ben.contracts.model.Schema schemas} (typed, ordered fields plus ClickHouse DDL),
 * {@link dev.ben.contracts.model.ValueList value lists}, {@link dev.ben.contracts.model.PolicyPack
 * policy packs} (predicates with fixed bit positions in declaration order, then one bit per
 * threshold level, rules and redactions), {@link dev.ben.contracts.model.DetectorSpec detector
 * specs}, {@link dev.ben.contracts.model.Signal signals}, {@link dev.ben.contracts.model.Playbook
 * playbooks} and {@link dev.ben.contracts.model.Pipeline pipelines} that tie them together.
 * Artifacts refer to each other by name; resolving names is the compiler's and the engines' job, so
 * the JSON stays readable and diffable.
 *
 * <p>Serialisation is deterministic: every record fixes its property order, collections are lists
 * (never maps with unordered keys) and {@link dev.ben.contracts.model.ModelJson} is the one mapper
 * to use. Fingerprints are {@code sha256:<hex>} over an artifact's canonical JSON with its own
 * fingerprint blanked ({@link dev.ben.contracts.model.ModelJson#seal}). Durations are milliseconds.
 * Changes to this package are additive only: readers built against it must keep working.
 */
package dev.ben.contracts.model;
