/**
 * benctl, the operator CLI: the top-level command that wires every command package, and the single
 * path by which every command's outcome becomes an exit code and a message on stderr. What the
 * commands share (their base class, exit codes, failures) is in {@code benctl.command}, below them,
 * so no command package reaches back up here.
 */
package dev.ben.benctl;
