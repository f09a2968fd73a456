/**
 * Test support: a whole node in the test JVM with ephemeral ports and a store chosen by the test.
 */
package dev.ben.actors.testing;
