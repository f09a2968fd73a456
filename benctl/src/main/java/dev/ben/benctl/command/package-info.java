/**
 * What every benctl command builds on: the {@link dev.ben.benctl.command.Subcommand} base, the exit
 * codes scripts rely on and the {@link dev.ben.benctl.command.CommandFailure} commands throw. It
 * sits below every command package and the entry point that wires them, so nothing here names a
 * command.
 */
package dev.ben.benctl.command;
