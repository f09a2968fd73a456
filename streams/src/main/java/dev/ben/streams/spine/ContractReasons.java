package dev.ben.streams.spine;

import dev.ben.contracts.engine.ContractRuntime;
import dev.ben.contracts.model.Action;
import dev.ben.contracts.model.PolicyPack;
import dev.ben.contracts.model.Rule;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The reason labels one contract version's rules may put on the spine's counters. A {@code
 * drop_with_reason "why"} rule's reason and a {@code sample(N)} rule's label are contract text (any
 * sentence, any number of rules), and every label value is a series the registry keeps. So the
 * names are the version's own, fixed when it is compiled: its first {@code cap} distinct reasons in
 * rule order keep their label, and the reasons of the rules past them are counted under {@link
 * #OTHER}, so every event is still counted and a version adds at most {@code cap} series.
 */
public final class ContractReasons {

  /** The label of the reasons past the cap. */
  public static final String OTHER = "other";

  private final ContractRuntime runtime;
  private final Set<String> named;

  private ContractReasons(ContractRuntime runtime, Set<String> named) {
    this.runtime = runtime;
    this.named = Set.copyOf(named);
  }

  /** The labels of {@code active}'s rules, at most {@code cap} of them. */
  public static ContractReasons of(ActiveContract active, int cap) {
    return new ContractReasons(active.runtime(), firstReasons(reasons(active.runtime()), cap));
  }

  /** The first {@code cap} distinct reasons, in order. */
  static Set<String> firstReasons(Collection<String> reasons, int cap) {
    if (cap < 1) {
      throw new IllegalArgumentException("the reason cap must be at least 1, got " + cap);
    }
    Set<String> named = new LinkedHashSet<>();
    for (String reason : reasons) {
      if (named.size() == cap) {
        break;
      }
      named.add(reason);
    }
    return named;
  }

  /** The label to count {@code reason} under: its own while it is one of the named, else OTHER. */
  public String label(String reason) {
    return named.contains(reason) ? reason : OTHER;
  }

  /** Whether these are the labels of {@code active} (the same loaded contract). */
  public boolean of(ActiveContract active) {
    return active.runtime() == runtime;
  }

  /** The reasons that keep their own label. */
  public Set<String> named() {
    return named;
  }

  /** Every rule's reason in the order of the pipeline's policies and their rules. */
  private static Collection<String> reasons(ContractRuntime runtime) {
    return runtime.pipeline().policies().stream()
        .map(name -> runtime.contracts().policy(name))
        .flatMap(Optional::stream)
        .map(PolicyPack::rules)
        .flatMap(Collection::stream)
        .map(Rule::action)
        .flatMap(action -> reason(action).stream())
        .toList();
  }

  private static Optional<String> reason(Action action) {
    if (action instanceof Action.DropWithReason drop) {
      return Optional.of(drop.reason());
    }
    return action instanceof Action.Sample sample ? Optional.of(sample.label()) : Optional.empty();
  }
}
