package dev.ben.benctl.remote;

import dev.ben.benctl.command.CommandFailure;

/** A server address, {@code HOST:PORT}, checked before any connection is tried. */
record Address(String host, int port) {

  static Address parse(String address) {
    int colon = address.lastIndexOf(':');
    if (colon <= 0 || colon == address.length() - 1) {
      throw CommandFailure.usage(
          "the server address '"
              + address
              + "' is not HOST:PORT (e.g. "
              + TargetSelection.DEFAULT_SERVER
              + "); set it with --server, "
              + TargetSelection.SERVER_ENV
              + " or a context");
    }
    try {
      int port = Integer.parseInt(address.substring(colon + 1));
      if (port > 0 && port < 65536) {
        return new Address(address.substring(0, colon), port);
      }
    } catch (NumberFormatException notANumber) {
      // reported below with the whole address
    }
    throw CommandFailure.usage(
        "the server address '"
            + address
            + "' has no valid port; use HOST:PORT, e.g. "
            + TargetSelection.DEFAULT_SERVER);
  }
}
