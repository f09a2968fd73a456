package dev.ben.bux;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The gateway's routes bound on a free port of 127.0.0.1 for each test, over the ports a node would
 * lend them ({@link TestPorts}), with one actor system per test class.
 */
abstract class BoundGateway {

  static ActorSystem system;

  TestPorts ports;
  GatewayServer server;

  @BeforeAll
  static void startSystem() {
    system = ActorSystem.create("bux-gateway-test");
  }

  @AfterAll
  static void stopSystem() throws Exception {
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @BeforeEach
  void bind() throws Exception {
    ports = new TestPorts(system);
    server = new GatewayServer(system, Duration.ofSeconds(15), ports.ports());
  }

  @AfterEach
  void unbind() throws Exception {
    server.close();
    ports.close();
  }
}
