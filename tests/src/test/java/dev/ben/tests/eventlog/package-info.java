/** The event log's stores against the real servers ./ben test starts. */
package dev.ben.tests.eventlog;
