/**
 * Source files, spans and diagnostics: everything needed to tell a contract author exactly what is
 * wrong, where, and how to fix it, rendered as {@code file:line:col: error: message} with the
 * source line and a caret.
 */
package dev.ben.contracts.diag;
