package dev.ben.benctl.remote;

import dev.ben.benctl.command.Environment;
import dev.ben.benctl.config.BenctlConfig;
import dev.ben.benctl.config.Context;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which server and token a command uses, kubectl-style: the server is {@code --server}, else {@code
 * $BEN_SERVER}, else the context's, else {@value #DEFAULT_SERVER}; the token is {@code --token},
 * else {@code $BEN_TOKEN}, else the context's when the context's server is the one in use. The
 * context is {@code --context}, else the current one. The configuration file is read only when the
 * answer depends on it, so explicit flags work even beside a broken file.
 */
public final class TargetSelection {

  /** Where the control API listens unless told otherwise. */
  public static final String DEFAULT_SERVER = "127.0.0.1:7070";

  public static final String SERVER_ENV = "BEN_SERVER";
  public static final String TOKEN_ENV = "BEN_TOKEN";

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

  /** The server and token for a command's {@code --server}, {@code --context}, {@code --token}. */
  public Target select(String serverOption, String contextOption, String tokenOption) {
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
    if (tokenOption != null) {
      return new Target(address, tokenOption, "--token", null, login);
    }
    if (tokenFromEnvironment != null) {
      return new Target(address, tokenFromEnvironment, "$" + TOKEN_ENV, null, login);
    }
    return new Target(address, serving == null ? null : serving.token(), null, serving, login);
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
