package dev.ben.benctl.remote;

import dev.ben.benctl.command.CommandFailure;
import dev.ben.benctl.command.Environment;
import dev.ben.benctl.config.BenctlConfig;
import dev.ben.benctl.config.Context;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which server and token a command uses, kubectl-style: the server is {@code --server}, else {@code
 * $BEN_SERVER}, else the context's, else {@value #DEFAULT_SERVER}; the token is {@code --token},
 * else {@code $BEN_TOKEN}, else the context's when the context's server is the one in use. The
 * context is {@code --context}, else the current one. TLS follows the token's rule: a CA from
 * {@code --ca}, else {@code $BEN_CA}, else the context's when its server is the one in use, means
 * TLS trusting only that CA; without one, {@code --tls} or {@code $BEN_TLS=true} means TLS trusting
 * the JVM's default trust store; else cleartext. The configuration file is read only when the
 * answer depends on it, so explicit flags work even beside a broken file.
 */
public final class TargetSelection {

  /** Where the control API listens unless told otherwise. */
  public static final String DEFAULT_SERVER = "127.0.0.1:7070";

  public static final String SERVER_ENV = "BEN_SERVER";
  public static final String TOKEN_ENV = "BEN_TOKEN";
  public static final String CA_ENV = "BEN_CA";
  public static final String TLS_ENV = "BEN_TLS";

  private final Environment environment;
  private final Supplier<BenctlConfig> file;
  private BenctlConfig config;

  /**
   * Selects by {@code environment} and the configuration {@code file} yields, read at most once.
   */
  public TargetSelection(Environment environment, Supplier<BenctlConfig> file) {
    this.environment = environment;
    this.file = file;
  }

  private BenctlConfig config() {
    if (config == null) {
      config = file.get();
    }
    return config;
  }

  /** The context {@code --context} names (refused when unknown), else the current one, if any. */
  public Optional<Context> context(String contextOption) {
    return contextOption != null
        ? Optional.of(config().require(contextOption))
        : config().current();
  }

  /** The server for a command with {@code --server} (null when absent) and this context. */
  public String server(String serverOption, Optional<Context> context) {
    if (serverOption != null) {
      return serverOption;
    }
    String fromEnvironment = environment.variable(SERVER_ENV);
    if (fromEnvironment != null) {
      return fromEnvironment;
    }
    return context.map(Context::server).orElse(DEFAULT_SERVER);
  }

  /**
   * TLS or cleartext for a command with {@code --ca} (null when absent) and {@code --tls}, talking
   * to the server of {@code serving}, the selected context when its server is the one in use (null
   * otherwise).
   */
  public Transport transport(String caOption, boolean tlsOption, Context serving) {
    if (caOption != null) {
      return Transport.trusting(Path.of(caOption), "--ca");
    }
    String caFromEnvironment = environment.variable(CA_ENV);
    if (caFromEnvironment != null) {
      return Transport.trusting(Path.of(caFromEnvironment), "$" + CA_ENV);
    }
    if (serving != null && serving.ca() != null) {
      return Transport.trusting(Path.of(serving.ca()), "context '" + serving.name() + "'");
    }
    if (tlsOption) {
      return Transport.defaultTrust("--tls");
    }
    return tlsFromEnvironment() ? Transport.defaultTrust("$" + TLS_ENV) : Transport.CLEARTEXT;
  }

  private boolean tlsFromEnvironment() {
    String value = environment.variable(TLS_ENV);
    if (value == null || value.equalsIgnoreCase("false")) {
      return false;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    throw CommandFailure.usage("$" + TLS_ENV + " must be true or false, got '" + value + "'");
  }

  /** The server and token for a command's {@code --server}, {@code --context}, {@code --token}. */
  public Target select(String serverOption, String contextOption, String tokenOption) {
    return select(serverOption, contextOption, tokenOption, null, false);
  }

  /** The server, token and transport for a remote command's options. */
  public Target select(
      String serverOption,
      String contextOption,
      String tokenOption,
      String caOption,
      boolean tlsOption) {
    String tokenFromEnvironment = environment.variable(TOKEN_ENV);
    boolean serverGiven = serverOption != null || environment.variable(SERVER_ENV) != null;
    boolean tokenGiven = tokenOption != null || tokenFromEnvironment != null;
    Optional<Context> context =
        contextOption == null && serverGiven && tokenGiven
            ? Optional.empty()
            : context(contextOption);
    String address = server(serverOption, context);
    Context serving = context.filter(c -> c.server().equals(address)).orElse(null);
    String login = loginCommand(address, serving);
    Transport transport = transport(caOption, tlsOption, serving);
    if (tokenOption != null) {
      return new Target(address, tokenOption, "--token", null, login, transport);
    }
    if (tokenFromEnvironment != null) {
      return new Target(address, tokenFromEnvironment, "$" + TOKEN_ENV, null, login, transport);
    }
    return new Target(
        address, serving == null ? null : serving.token(), null, serving, login, transport);
  }

  /** The login that refreshes the token of {@code context}, or logs in to {@code address}. */
  private String loginCommand(String address, Context context) {
    if (context == null) {
      return "benctl login --server " + address;
    }
    boolean current = context.name().equals(config().currentContext());
    return current ? "benctl login" : "benctl login --context " + context.name();
  }
}
