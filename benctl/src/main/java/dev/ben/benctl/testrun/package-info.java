/**
 * {@code benctl test}: running compiled contracts over sample events on the shared engines,
 * rendering each decision, and checking {@code .expect} files so contract repositories can have CI.
 */
package dev.ben.benctl.testrun;
