/**
 * Name resolution and type checking of a loaded project: every compile-time guarantee of the language (unknown or
 * duplicate names, operators on the wrong type, unordered threshold levels, unbounded playbooks, mistyped signal
 * arguments, unredacted @pii data reaching the store, …) reported with its position and a hint.
 */
package dev.ben.contracts.check;
