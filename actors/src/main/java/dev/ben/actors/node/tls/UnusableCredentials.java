package dev.ben.actors.node.tls;

/**
 * Certificate or key files a node cannot start with (missing, unreadable, not fitting together),
 * said in one line naming the files and what to do; the node exits with status 2, as for any
 * invalid configuration.
 */
public final class UnusableCredentials extends RuntimeException {

  UnusableCredentials(String message) {
    super(message);
  }
}
