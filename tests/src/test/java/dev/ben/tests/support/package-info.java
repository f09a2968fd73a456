/**
 * Test support shared by the integration tests: where the servers started by ./ben test listen, and
 * the cluster CA the nodes a test starts in one JVM share.
 */
package dev.ben.tests.support;
