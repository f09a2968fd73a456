/**
 * How benctl prints data: the {@code -o table|json} option, aligned text tables and pretty JSON,
 * shared by every command so output looks and parses the same everywhere.
 */
package dev.ben.benctl.out;
