/**
 * Name resolution and type checking of a parsed Ben project: turns parsed files into a {@link
 * dev.ben.contracts.check.CheckedProgram} the compiler can trust, reporting every problem as a
 * diagnostic.
 */
package dev.ben.contracts.check;
