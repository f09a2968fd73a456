package dev.ben.config;

/** A host and port a server binds to. */
public record Endpoint(String host, int port) {

  public Endpoint {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
  }

  static Endpoint read(ConfigReader reader) {
    String host = reader.string("host");
    if (host.isBlank()) {
      throw reader.invalid("host", "must name an interface to bind to, such as 127.0.0.1");
    }
    return new Endpoint(host, reader.port("port"));
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
