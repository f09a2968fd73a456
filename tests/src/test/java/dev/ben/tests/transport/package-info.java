/**
 * Transport security seen from outside: real node processes started as {@code ./ben node} starts
 * them, proving that only holders of a certificate from the cluster's CA become members, and that
 * nodes on embedded defaults refuse to share a cluster.
 */
package dev.ben.tests.transport;
