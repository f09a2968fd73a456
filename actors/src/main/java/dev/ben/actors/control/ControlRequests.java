package dev.ben.actors.control;

import dev.ben.api.control.LifecycleAction;
import dev.ben.api.control.Role;
import dev.ben.contracts.bundle.KeyFileException;
import dev.ben.contracts.bundle.KeyFiles;
import dev.ben.streams.auth.BeaconOrigins;
import dev.ben.streams.auth.StoredApp;
import dev.ben.streams.auth.StoredTrustedKey;
import dev.ben.streams.auth.StoredUser;
import dev.ben.streams.auth.UserRole;
import dev.ben.streams.metrics.MetricsRegistry;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Boundary checks of control requests: what no ledger state can make right is refused before it
 * reaches the ledger, with a reason, and counted in {@code ben_control_refused_total{reason}}.
 */
public final class ControlRequests {

  /** A request that is malformed whatever the ledger holds. */
  static final class Malformed extends RuntimeException {
    Malformed(String message) {
      super(message);
    }
  }

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,127}");
  private static final int MAX_RECORDED = 200;

  private final long maxBundleBytes;
  private final RefusalCounter refusals;

  public ControlRequests(long maxBundleBytes, MetricsRegistry metrics) {
    this.maxBundleBytes = maxBundleBytes;
    this.refusals = new RefusalCounter(metrics);
  }

  void bundle(int size) {
    if (size == 0) {
      throw refuse(
          "empty-bundle", "the request carries no bundle; build one with `benctl build DIR`");
    }
    if (size > maxBundleBytes) {
      throw refuse(
          "bundle-too-large",
          "the bundle is "
              + size
              + " bytes; the ledger takes at most "
              + maxBundleBytes
              + " (ben.ledger.max-bundle-bytes)");
    }
  }

  void pipeline(String pipeline) {
    if (!NAME.matcher(pipeline).matches()) {
      throw refuse(
          "bad-pipeline-name",
          pipeline.isEmpty()
              ? "no pipeline named"
              : "`"
                  + pipeline
                  + "` is not a pipeline name (a letter, then letters, digits, _ . -)");
    }
  }

  void version(String pipeline, long version, boolean zeroMeansNewest) {
    pipeline(pipeline);
    if (version < 0 || (version == 0 && !zeroMeansNewest)) {
      throw refuse("bad-version", "version " + version + " does not exist; versions start at 1");
    }
  }

  /** An event-time range in milliseconds since the epoch; {@code to} 0 has no end. */
  void range(long from, long to) {
    if (from < 0 || to < 0 || (to != 0 && to <= from)) {
      throw refuse(
          "bad-range",
          "the range must start at or after the epoch and end after it starts; got from "
              + from
              + " to "
              + to
              + " ms");
    }
  }

  void diff(String pipeline, long from, long to) {
    pipeline(pipeline);
    if (from < 0 || to < 0 || (from == 0) != (to == 0)) {
      throw refuse(
          "bad-version",
          "name both versions to compare, or neither (active against newest staged)");
    }
  }

  void lifecycle(String pipeline, LifecycleAction action) {
    pipeline(pipeline);
    if (action == LifecycleAction.LIFECYCLE_ACTION_UNSPECIFIED
        || action == LifecycleAction.UNRECOGNIZED) {
      throw refuse("bad-action", "no lifecycle action named; use pause, resume, archive or delete");
    }
  }

  void app(String name) {
    if (!StoredApp.validName(name)) {
      throw refuse(
          "bad-app-name",
          name.isEmpty()
              ? "no app named"
              : "`" + recorded(name) + "` is not an app name (" + StoredApp.NAME_RULE + ")");
    }
  }

  void user(String name) {
    if (!StoredUser.validName(name)) {
      throw refuse(
          "bad-user-name",
          name.isEmpty()
              ? "no user named"
              : "`" + recorded(name) + "` is not a user name (" + StoredUser.NAME_RULE + ")");
    }
  }

  /** The role a request names; refused when it names none. */
  UserRole role(Role role) {
    return switch (role) {
      case VIEWER -> UserRole.VIEWER;
      case OPERATOR -> UserRole.OPERATOR;
      case ADMIN -> UserRole.ADMIN;
      case ROLE_UNSPECIFIED, UNRECOGNIZED ->
          throw refuse("bad-role", "no role named; use viewer, operator or admin");
    };
  }

  /** The origins in canonical form, each checked to be only an origin. */
  List<String> beaconOrigins(List<String> origins) {
    List<String> canonical = new ArrayList<>();
    for (String origin : origins) {
      canonical.add(
          BeaconOrigins.registered(origin)
              .orElseThrow(
                  () ->
                      refuse(
                          "bad-origin",
                          "`"
                              + recorded(origin)
                              + "` is not a web origin; give scheme://host[:port], such as"
                              + " https://shop.example")));
    }
    return canonical.stream().distinct().toList();
  }

  /** The key of a {@code .pub} file's text, as sent to be trusted. */
  PublicKey publicKey(String text) {
    try {
      return KeyFiles.parsePublicKey(text, "the public key");
    } catch (KeyFileException e) {
      throw refuse("bad-public-key", e.getMessage() + " (send a NAME.pub from `benctl keygen`)");
    }
  }

  void keyId(String keyId) {
    if (!StoredTrustedKey.validKeyId(keyId)) {
      throw refuse(
          "bad-key-id",
          "`" + keyId + "` is not a key id (ed25519:<16 hex digits>; see `benctl trust list`)");
    }
  }

  /**
   * Text given to the ledger to record (who asked), made safe for history: control characters and
   * line or paragraph separators become {@code ?}, so no one can forge lines in what people read
   * back, and it is clipped so it cannot inflate the events.
   */
  String recorded(String text) {
    String stripped = text.strip();
    String clipped =
        stripped.length() > MAX_RECORDED ? stripped.substring(0, MAX_RECORDED) : stripped;
    StringBuilder out = new StringBuilder(clipped.length());
    clipped.codePoints().forEach(c -> out.appendCodePoint(printable(c) ? c : '?'));
    return out.toString();
  }

  private static boolean printable(int codePoint) {
    return !Character.isISOControl(codePoint)
        && Character.getType(codePoint) != Character.LINE_SEPARATOR
        && Character.getType(codePoint) != Character.PARAGRAPH_SEPARATOR;
  }

  private Malformed refuse(String reason, String message) {
    refusals.count(reason);
    return new Malformed(message);
  }
}
