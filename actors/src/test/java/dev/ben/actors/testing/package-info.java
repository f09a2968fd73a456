/**
 * Test support: a whole node in the test JVM with ephemeral ports and a store chosen by the test,
 * the base of tests that drive actors directly, and the log capturing that keeps passing tests
 * quiet.
 */
package dev.ben.actors.testing;
