/**
 * Source positions and diagnostics: every error and warning names file:line:col, shows the source line with a
 * caret run under the exact span, and carries a hint where one helps ("did you mean `attempts`?").
 */
package dev.ben.contracts.diag;
