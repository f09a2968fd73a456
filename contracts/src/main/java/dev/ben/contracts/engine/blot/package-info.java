/**
 * Blot: redaction applied after evaluation and before anything reaches a detector or the store.
 * Text operations count Unicode code points (an emoji or a CJK character is one unit; a combining
 * mark is its own code point), hashes are SHA-256 or HMAC-SHA-256 (deployment key) in lower-case
 * hex, and IP generalisation zeroes host bits. Redaction fails closed: a value an operation cannot
 * handle is removed, never passed through.
 */
package dev.ben.contracts.engine.blot;
