package dev.ben.streams.testing;

import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.project.LoadedProject;
import dev.ben.contracts.project.ProjectLoader;
import dev.ben.contracts.project.SourceTree;
import java.util.Map;

/**
 * A one-rule contract project for tests: the pipeline flags an event (rule {@link #RULE}) when its
 * {@code n} exceeds the limit it is compiled with, so versions built with different limits decide
 * observably differently.
 */
public final class PingProject {

  public static final String RULE = "flag_big";

  private PingProject() {}

  /**
   * The project compiled for {@code pipeline} with the given limit; fails the test when it does not
   * check.
   */
  public static ContractSet contracts(String pipeline, int limit) {
    return project(pipeline, limit).compile("test").orElseThrow();
  }

  /**
   * The loaded project of {@link #contracts(String, int)}, with its sources ({@code ben.project}
   * and {@code pings.ben}, whose line {@code predicate big = n > LIMIT} is what a new limit
   * changes).
   */
  public static LoadedProject project(String pipeline, int limit) {
    return loaded(
        pipeline,
        """
            schema ping v1 {
              table    pings
              key      [id]
              order_by [id]
              fields {
                id: string
                n:  u32
              }
            }

            policy sizes on ping {
              predicate big = n > LIMIT
              rule flag_big = all(big) => flag priority 10
            }

            pipeline PIPELINE {
              schemas  [ping]
              policies [sizes]
              sidecar  { http }
              store    { table pings, replica off }
            }
            """
            .replace("LIMIT", Integer.toString(limit)));
  }

  private static ContractSet load(String pipeline, String source) {
    return loaded(pipeline, source).compile("test").orElseThrow();
  }

  private static LoadedProject loaded(String pipeline, String source) {
    LoadedProject project =
        ProjectLoader.load(
            SourceTree.of(
                Map.of(
                    "ben.project",
                    "name = \"pings\"\nkey = \"keys/pings.key\"\n",
                    "pings.ben",
                    source.replace("PIPELINE", pipeline))));
    if (!project.ok()) {
      throw new IllegalStateException("the test contract does not check: " + project.diagnostics());
    }
    return project;
  }

  /**
   * A project whose rules act: {@code n > 100} is dropped with the reason "too big", {@code n >=
   * 50} is sampled one in two, {@code n == 13} is routed to the Lucius scrub queue, {@code n == 42}
   * fires the playbook {@code answer_found} (signal {@code page}), and the {@code @pii} field
   * {@code email} is masked.
   */
  public static ContractSet acting(String pipeline) {
    return acting(pipeline, "");
  }

  /**
   * The acting project with a {@code proxy { ... }} clause, e.g. {@code proxy { buffer 16, overload
   * shed_oldest }}.
   */
  public static ContractSet acting(String pipeline, String proxyClause) {
    return acting(pipeline, proxyClause, "http");
  }

  /** The acting project whose sidecar has these endpoints, e.g. {@code http, uds "pings.sock"}. */
  public static ContractSet acting(String pipeline, String proxyClause, String sidecarEndpoints) {
    return load(
        pipeline,
        """
        schema ping v1 {
          table    pings
          key      [id]
          order_by [id]
          fields {
            id:    string
            n:     u32
            email: string?  @pii
          }
        }

        policy sizes on ping {
          predicate huge = n > 100
          predicate mid  = n >= 50
          predicate answer = n == 42
          predicate unlucky = n == 13
          rule drop_huge  = all(huge)   => drop_with_reason "too big" priority 20
          rule scrub_13   = all(unlucky) => route lucius              priority 25
          rule sample_mid = all(mid)    => sample(2)                 priority 10
          rule alarm      = all(answer) => flag                      priority 30
          redact email mask_all
        }

        signal page { id: string, reason: string }

        playbook answer_found on ping {
          when    alarm
          emit    page(id = id, reason = "the answer")
          bound   at_most 100 per 1m
          explain "n is the answer"
        }

        pipeline PIPELINE {
          schemas   [ping]
          policies  [sizes]
          playbooks [answer_found]
          sidecar   { SIDECAR }
          PROXY
          store     { table pings, replica off }
        }
        """
            .replace("PROXY", proxyClause)
            .replace("SIDECAR", sidecarEndpoints));
  }

  /**
   * A project with keyed state: detector {@code per_user} (by {@code user}) counts each user's
   * events over 5 minutes and keeps an EWMA of {@code n} and an anomaly score of it ({@code
   * n_spike}); playbook {@code chatty} pages once a user has sent more than 3 (cooling down 5
   * minutes per user).
   */
  public static ContractSet detecting(String pipeline) {
    return detecting(pipeline, "5m", 10);
  }

  /**
   * The detecting project with another window for {@code per_user.seen} or another limit for the
   * rule {@code flag_big} ({@code n > limit}), which no detector counts.
   */
  public static ContractSet detecting(String pipeline, String window, int limit) {
    return load(
        pipeline,
        """
        schema ping v1 {
          table    pings
          key      [id]
          order_by [id]
          fields {
            id:   string
            user: string
            n:    u32
          }
        }

        policy sizes on ping {
          predicate big = n > LIMIT
          rule flag_big = all(big) => flag priority 10
        }

        detector per_user on ping by user {
          count over WINDOW as seen
          ewma  n alpha 0.5
          anomaly n_spike on n window 16
        }

        signal page { id: string, reason: string }

        playbook chatty on ping {
          when    per_user.seen > 3
          emit    page(id = id, reason = "chatty")
          bound   at_most 100 per 1m, cooldown 5m per user
          explain "more than 3 events from one user in 5 minutes"
        }

        pipeline PIPELINE {
          schemas   [ping]
          policies  [sizes]
          detectors [per_user]
          playbooks [chatty]
          sidecar   { http }
          store     { table pings, replica off }
        }
        """
            .replace("LIMIT", Integer.toString(limit))
            .replace("WINDOW", window));
  }

  /**
   * Pings that carry their time: {@code at} (the first timestamp field, what event-time detectors
   * read) and {@code seen} (a later one they do not).
   */
  public static ContractSet timed(String pipeline) {
    return load(
        pipeline,
        """
        schema ping v1 {
          table    pings
          key      [id]
          order_by [id]
          fields {
            id:   string
            user: string
            at:   timestamp?
            seen: timestamp?
          }
        }

        detector per_user on ping by user {
          count over 1m as seen_recently
        }

        pipeline PIPELINE {
          schemas   [ping]
          detectors [per_user]
          sidecar   { http }
          store     { table pings, replica off }
        }
        """);
  }
}
