/**
 * Line-by-line differences of contract source files between two versions, as unified-diff hunks.
 */
package dev.ben.contracts.diff;
