/**
 * The NATS bridge against the real server: presence on a durable stream, contract notices on a
 * subject.
 */
package dev.ben.tests.bridge;
