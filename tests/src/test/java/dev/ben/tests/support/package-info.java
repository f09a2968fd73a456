/** Test support shared by the integration tests: where the servers started by ./ben test listen. */
package dev.ben.tests.support;
