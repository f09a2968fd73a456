/**
 * Test support shared by the integration tests: where the servers started by ./ben test listen, the
 * cluster CA the nodes a test starts in one JVM share, and node processes a test starts and kills.
 */
package dev.ben.tests.support;
