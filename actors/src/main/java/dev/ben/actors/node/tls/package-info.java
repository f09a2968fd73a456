/**
 * The node's transport security: the cluster's CA and its members' certificates (Pekko Artery over
 * mutual TLS, so only holders of a certificate signed by the cluster's CA join), PEM files written
 * only their owner can read, and the HTTPS context of the HTTP listeners.
 */
package dev.ben.actors.node.tls;
