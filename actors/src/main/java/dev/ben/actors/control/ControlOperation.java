package dev.ben.actors.control;

import dev.ben.api.control.LifecycleAction;
import dev.ben.streams.auth.UserRole;

/**
 * The calls of the control API with the least role each needs: a viewer reads, an operator also
 * changes what runs, an admin also archives, deletes and manages users, apps, apps' keys and the
 * signing keys the ledger trusts.
 */
public enum ControlOperation {
  STATUS("status", UserRole.VIEWER),
  DIFF("diff", UserRole.VIEWER),
  LIST_PIPELINES("list", UserRole.VIEWER),
  WHO_AM_I("whoami", UserRole.VIEWER),
  STAGE("stage", UserRole.OPERATOR),
  UNSTAGE("unstage", UserRole.OPERATOR),
  DEPLOY("deploy", UserRole.OPERATOR),
  ROLLBACK("rollback", UserRole.OPERATOR),
  PAUSE("pause", UserRole.OPERATOR),
  RESUME("resume", UserRole.OPERATOR),
  /** Replays stored events through a candidate version: it reads every stored event's body. */
  BACKTEST("backtest", UserRole.OPERATOR),
  /** A lifecycle change naming no action: refused as malformed once the caller may change any. */
  UNNAMED_LIFECYCLE("lifecycle", UserRole.OPERATOR),
  ARCHIVE("archive", UserRole.ADMIN),
  DELETE("delete", UserRole.ADMIN),
  CREATE_APP("apps create", UserRole.ADMIN),
  /** Admins only: the list names every app that can send, which is for those who manage them. */
  LIST_APPS("apps list", UserRole.ADMIN),
  REVOKE_APP("apps revoke", UserRole.ADMIN),
  CREATE_USER("users create", UserRole.ADMIN),
  LIST_USERS("users list", UserRole.ADMIN),
  SET_USER_ROLE("users set-role", UserRole.ADMIN),
  DELETE_USER("users delete", UserRole.ADMIN),
  /** Admins only: a trusted key decides which bundles can ever run. */
  ADD_TRUSTED_KEY("trust add", UserRole.ADMIN),
  LIST_TRUSTED_KEYS("trust list", UserRole.ADMIN),
  REMOVE_TRUSTED_KEY("trust remove", UserRole.ADMIN),
  /** Reading the event log and lineage trees: observability, like ben_api. */
  READ_EVENTS("events", UserRole.VIEWER),
  /** Publishing and consuming need a registered component too, which is the real gate. */
  PUBLISH_EVENT("events publish", UserRole.VIEWER),
  CONSUME_EVENTS("events claim", UserRole.VIEWER),
  /** Admins only: a registration decides who may publish and consume which types. */
  REGISTER_COMPONENT("events components register", UserRole.ADMIN),
  LIST_COMPONENTS("events components list", UserRole.ADMIN);

  private final String verb;
  private final UserRole needs;

  ControlOperation(String verb, UserRole needs) {
    this.verb = verb;
    this.needs = needs;
  }

  /** As benctl's user types it: {@code delete}. */
  public String verb() {
    return verb;
  }

  public UserRole needs() {
    return needs;
  }

  public static ControlOperation lifecycle(LifecycleAction action) {
    return switch (action) {
      case PAUSE -> PAUSE;
      case RESUME -> RESUME;
      case ARCHIVE -> ARCHIVE;
      case DELETE -> DELETE;
      case LIFECYCLE_ACTION_UNSPECIFIED, UNRECOGNIZED -> UNNAMED_LIFECYCLE;
    };
  }
}
