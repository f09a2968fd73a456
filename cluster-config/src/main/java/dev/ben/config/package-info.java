/**
 * Typed, validated settings for every Ben process. Each {@code ben.*} configuration subtree is read
 * once into an immutable record; an invalid value fails fast with the offending key and the reason,
 * so a node never starts half-configured.
 */
package dev.ben.config;
