package dev.ben.actors.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.ben.config.BenSettings;
import dev.ben.config.SettingsException;
import java.time.Duration;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of a Ben node ({@code ./ben node}, {@code ./ben demo}). Reads and validates the
 * configuration, opens the services the roles need, starts the actor system and reports where the
 * node listens. Exit codes: 0 after a clean shutdown, 2 for invalid configuration, 1 when the node
 * could not start.
 */
public final class BenNode {

  private static final Logger log = LoggerFactory.getLogger(BenNode.class);

  private BenNode() {}

  public static void main(String[] args) {
    Config base = ConfigFactory.load();
    BenSettings settings;
    try {
      settings = BenSettings.fromConfig(base);
    } catch (SettingsException e) {
      System.err.println("ben: " + e.getMessage());
      System.exit(2);
      return;
    }
    NodeServices services;
    try {
      services = NodeServicesFactory.open(settings);
    } catch (RuntimeException e) {
      System.err.println("ben: cannot start: " + e.getMessage());
      System.exit(1);
      return;
    }
    ActorSystem<RootGuardian.Command> system =
        ActorSystem.create(
            RootGuardian.create(settings, services),
            NodeConfig.SYSTEM_NAME,
            NodeConfig.withNodeSettings(base, settings.node()));
    system.getWhenTerminated().whenComplete((done, failure) -> closeQuietly(services));
    AskPattern.<RootGuardian.Command, RootGuardian.Endpoints>ask(
            system, RootGuardian.GetEndpoints::new, Duration.ofSeconds(30), system.scheduler())
        .whenComplete(
            (endpoints, failure) -> {
              if (failure != null) {
                log.error("the node did not finish starting: {}", failure.getMessage());
                system.terminate();
              } else {
                log.info(
                    "Ben node {} is up: roles {}, ingest {}, gateway {}",
                    system.address(),
                    settings.node().roles(),
                    endpoints.ingest(),
                    endpoints.gateway());
              }
            });
  }

  private static void closeQuietly(NodeServices services) {
    try {
      services.close();
    } catch (Exception e) {
      log.warn("closing node services failed: {}", e.getMessage());
    }
  }
}
