package dev.ben.benctl.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ben.benctl.command.CommandFailure;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What benctl's configuration file holds: named contexts and which one commands use by default.
 * Immutable; every change returns a new value for {@link ConfigFile#save} to write.
 *
 * @param currentContext the context used when no {@code --context} is given; null for none
 * @param contexts the contexts, in the order they were first created
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"current-context", "contexts"})
public record BenctlConfig(
    @JsonProperty("current-context") String currentContext,
    @JsonProperty("contexts") List<Context> contexts) {

  public BenctlConfig {
    contexts = contexts == null ? List.of() : List.copyOf(contexts);
    Set<String> seen = new HashSet<>();
    for (Context context : contexts) {
      if (!seen.add(context.name())) {
        throw new IllegalArgumentException("two contexts are named '" + context.name() + "'");
      }
    }
    if (currentContext != null && !seen.contains(currentContext)) {
      throw new IllegalArgumentException(
          "\"current-context\" names '" + currentContext + "', which is not among the contexts");
    }
  }

  /** No contexts: what a missing file holds. */
  public static BenctlConfig empty() {
    return new BenctlConfig(null, List.of());
  }

  public Optional<Context> context(String name) {
    return contexts.stream().filter(context -> context.name().equals(name)).findFirst();
  }

  /** The context named {@code name}; refuses an unknown name, listing the known ones. */
  public Context require(String name) {
    return context(name)
        .orElseThrow(
            () ->
                CommandFailure.refused(
                    contexts.isEmpty()
                        ? "no context '" + name + "': there are none yet; `benctl login` makes one"
                        : "no context '" + name + "'; the contexts are " + names()));
  }

  public Optional<Context> current() {
    return currentContext == null ? Optional.empty() : context(currentContext);
  }

  public List<String> names() {
    return contexts.stream().map(Context::name).toList();
  }

  /** This configuration with {@code context} replacing the one of the same name, or added. */
  public BenctlConfig with(Context context) {
    List<Context> changed = new ArrayList<>(contexts);
    int index = names().indexOf(context.name());
    if (index < 0) {
      changed.add(context);
    } else {
      changed.set(index, context);
    }
    return new BenctlConfig(currentContext, changed);
  }

  /** This configuration with {@code name} as the current context. */
  public BenctlConfig withCurrent(String name) {
    require(name);
    return new BenctlConfig(name, contexts);
  }

  /** This configuration without the context {@code name}, which is no longer current either. */
  public BenctlConfig without(String name) {
    require(name);
    List<Context> kept = contexts.stream().filter(c -> !c.name().equals(name)).toList();
    return new BenctlConfig(name.equals(currentContext) ? null : currentContext, kept);
  }
}
