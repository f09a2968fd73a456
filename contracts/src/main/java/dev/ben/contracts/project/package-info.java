/**
 * Loading a Ben project: its {@code ben.project} settings, every {@code *.ben} file and the list
 * files they name, from a directory or from memory, then parsing and checking them as one program.
 */
package dev.ben.contracts.project;
