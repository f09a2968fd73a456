/**
 * benctl, the operator CLI: one picocli command class per verb, data on stdout and errors on stderr, and the exit
 * codes of {@link ExitCodes} so scripts can tell a refusal from a usage error or an unreachable server.
 */
package dev.ben.benctl;
