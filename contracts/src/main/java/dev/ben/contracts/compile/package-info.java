/**
 * The compiler: turns a checked program into the compiled model ({@link
 * dev.ben.contracts.model.ContractSet}) with fixed bit positions, priority-ordered rules, detector
 * specs, playbooks, pipelines and ClickHouse DDL. It runs only on programs that passed checking, so
 * it reports nothing itself.
 */
package dev.ben.contracts.compile;
