/**
 * The canonical formatter for Ben sources: 2-space indentation, aligned columns, comments kept,
 * idempotent, and never changing what a file means.
 */
package dev.ben.contracts.fmt;
