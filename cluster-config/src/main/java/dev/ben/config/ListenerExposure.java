package dev.ben.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Refuses cleartext HTTP where others can reach it: a node whose roles bind an HTTP listener
 * (ingest for edge, gateway for gateway, control for orchestrator, ops for every node without the
 * gateway role) to an address that is not loopback must serve HTTPS ({@code ben.tls.*}) or be told
 * explicitly that cleartext is meant ({@code ben.tls.insecure = true}). Loopback-only nodes, the
 * default, need neither.
 */
public final class ListenerExposure {

  private ListenerExposure() {}

  /** Throws a {@link SettingsException} naming the first listener exposed without TLS. */
  public static void check(
      TlsSettings tls,
      NodeSettings node,
      IngestSettings ingest,
      GatewaySettings gateway,
      ControlSettings control,
      OpsSettings ops) {
    if (tls.enabled() || tls.insecure()) {
      return;
    }
    Map<String, Endpoint> listeners = new LinkedHashMap<>();
    if (node.has(Role.EDGE)) {
      listeners.put("ingest", ingest.endpoint());
    }
    if (node.has(Role.GATEWAY)) {
      listeners.put("gateway", gateway.endpoint());
    } else {
      listeners.put("ops", ops.endpoint());
    }
    if (node.has(Role.ORCHESTRATOR)) {
      listeners.put("control", control.endpoint());
    }
    listeners.forEach(
        (name, endpoint) -> {
          if (!isLoopback(endpoint.host())) {
            throw new SettingsException(
                "ben." + name + ".host",
                "the "
                    + name
                    + " listener binds "
                    + endpoint
                    + ", which is not a loopback address, without TLS: configure"
                    + " ben.tls.certificate-file and ben.tls.private-key-file, or set"
                    + " ben.tls.insecure = true to serve cleartext HTTP there on purpose");
          }
        });
  }

  /**
   * Whether every address {@code host} names is a loopback one; a name that does not resolve is
   * not, since nothing shows where it would bind.
   */
  static boolean isLoopback(String host) {
    if (host.toLowerCase(Locale.ROOT).equals("localhost")) {
      return true;
    }
    try {
      InetAddress[] addresses = InetAddress.getAllByName(host);
      return Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
