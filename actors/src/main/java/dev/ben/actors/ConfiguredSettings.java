package dev.ben.actors;

import dev.ben.config.BenSettings;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;

/**
 * The node's settings as read once from its actor system's configuration (a Pekko extension), for
 * code that has the system at hand but was not handed the settings: the pipeline directory's
 * lookups, and the constructors kept for callers that do not pass settings yet.
 */
public final class ConfiguredSettings implements Extension {

  private static final ExtensionId<ConfiguredSettings> ID =
      new ExtensionId<>() {
        @Override
        public ConfiguredSettings createExtension(ActorSystem<?> system) {
          return new ConfiguredSettings(BenSettings.fromConfig(system.settings().config()));
        }
      };

  private final BenSettings settings;

  private ConfiguredSettings(BenSettings settings) {
    this.settings = settings;
  }

  /** The settings of the system's configuration, validated on first use. */
  public static BenSettings of(ActorSystem<?> system) {
    return ID.apply(system).settings;
  }
}
