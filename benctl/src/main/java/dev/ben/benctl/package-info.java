/**
 * benctl, the operator CLI: the top-level command, exit codes, and the single path by which every
 * command's outcome becomes an exit code and a message on stderr.
 */
package dev.ben.benctl;
