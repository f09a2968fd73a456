/**
 * {@code benctl fmt}: finds a project's contracts the way the loader does, formats them with the
 * contracts formatter, and writes them atomically or shows what would change as a unified diff.
 */
package dev.ben.benctl.fmt;
