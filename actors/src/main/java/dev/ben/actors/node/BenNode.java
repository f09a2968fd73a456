package dev.ben.actors.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.ben.actors.node.tls.ClusterCredentials;
import dev.ben.actors.node.tls.HttpsContexts;
import dev.ben.actors.node.tls.UnusableCredentials;
import dev.ben.config.BenSettings;
import dev.ben.config.ConfigFile;
import dev.ben.config.SettingsException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of a Ben node ({@code ./ben node [--config FILE]}, {@code ./ben demo}). Reads and
 * validates the configuration (the file, when given, laid over the defaults), opens the services
 * the roles need, starts the actor system and reports where the node listens. Exit codes: 0 after a
 * clean shutdown, 2 for invalid configuration, 1 when the node could not start or left a cluster it
 * may not share (EmbeddedStateRule); each failure is said in one line on stderr.
 */
public final class BenNode {

  static {
    // Before the logger or anything else can touch the common pool.
    CommonPoolParallelism.ensure();
  }

  private static final Logger log = LoggerFactory.getLogger(BenNode.class);

  private BenNode() {}

  public static void main(String[] args) {
    Config base;
    BenSettings settings;
    try {
      base = configuration(args);
      settings = BenSettings.fromConfig(base);
    } catch (SettingsException | ConfigFile.ConfigFileException | IllegalArgumentException e) {
      exit(2, e.getMessage());
      return;
    }
    try {
      // Before anything opens: a node that may not join, or cannot serve HTTPS, stops here.
      ClusterCredentials.prepare(settings, Instant.now());
      HttpsContexts.forListeners(settings.tls());
    } catch (UnusableCredentials e) {
      exit(2, e.getMessage());
      return;
    } catch (RuntimeException e) {
      exit(1, "cannot start: " + e.getMessage());
      return;
    }
    NodeServices services;
    try {
      services = NodeServicesFactory.open(settings);
    } catch (RuntimeException e) {
      exit(1, "cannot start: " + e.getMessage());
      return;
    }
    ActorSystem<RootGuardian.Command> system;
    try {
      system =
          ActorSystem.create(
              RootGuardian.create(settings, services),
              NodeConfig.SYSTEM_NAME,
              NodeConfig.withNodeSettings(base, settings));
    } catch (RuntimeException e) {
      closeQuietly(services);
      exit(1, "cannot start: " + e.getMessage());
      return;
    }
    system.getWhenTerminated().whenComplete((done, failure) -> closeQuietly(services));
    AtomicBoolean up = new AtomicBoolean();
    awaitEndpoints(system, settings, up);
    system.getWhenTerminated().toCompletableFuture().join();
    startFailure(up.get(), CoordinatedShutdown.get(system).getShutdownReason())
        .ifPresent(reason -> exit(1, reason));
  }

  /** The defaults, or {@code --config FILE} laid over them. */
  static Config configuration(String[] args) {
    if (args.length == 0) {
      return ConfigFactory.load();
    }
    if (args.length == 2 && args[0].equals("--config")) {
      return ConfigFile.over(Path.of(args[1]));
    }
    throw new IllegalArgumentException("usage: BenNode [--config FILE]");
  }

  /**
   * Why the node stopped before it was up, if it did: the reason it gave, or that it stopped anyway
   * (a signal during start-up, say); or, up or not, why it left a cluster it may not share.
   */
  static Optional<String> startFailure(boolean up, Optional<CoordinatedShutdown.Reason> reason) {
    if (reason.isPresent() && reason.get() instanceof StartFailed failed) {
      return Optional.of("cannot start: " + failed.reason());
    }
    if (reason.isPresent() && reason.get() instanceof SplitRefused refused) {
      return Optional.of(refused.reason());
    }
    return up ? Optional.empty() : Optional.of("the node stopped before it finished starting");
  }

  private static void awaitEndpoints(
      ActorSystem<RootGuardian.Command> system, BenSettings settings, AtomicBoolean up) {
    AskPattern.<RootGuardian.Command, RootGuardian.Endpoints>ask(
            system,
            RootGuardian.GetEndpoints::new,
            settings.node().startupTimeout(),
            system.scheduler())
        .whenComplete(
            (endpoints, failure) -> {
              if (failure != null) {
                log.error("the node did not finish starting: {}", failure.getMessage());
                CoordinatedShutdown.get(system)
                    .run(
                        new StartFailed(
                            "the endpoints were not bound within ben.node.startup-timeout ("
                                + settings.node().startupTimeout().toMillis()
                                + " ms)"));
              } else {
                up.set(true);
                log.info(
                    "Ben node {} is up: roles {}, ingest {}, gateway {}",
                    system.address(),
                    settings.node().roles(),
                    endpoints.ingest(),
                    endpoints.gateway());
              }
            });
  }

  private static void exit(int status, String message) {
    System.err.println("ben: " + message);
    System.exit(status);
  }

  private static void closeQuietly(NodeServices services) {
    try {
      services.close();
    } catch (Exception e) {
      log.warn("closing node services failed: {}", e.getMessage());
    }
  }
}
