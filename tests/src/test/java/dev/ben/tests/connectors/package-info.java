/**
 * Connector tests against the real servers, with one contract per interface run on every
 * implementation.
 */
package dev.ben.tests.connectors;
