package dev.ben.actors.reads;

import dev.ben.bux.api.ClusterReads.MemberView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.actor.Address;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;

/**
 * The cluster's members as ben_api lists them, sorted by address: roles without the data-centre
 * marker, status, reachability from this node, the singletons on the member that hosts them (the
 * oldest Up or Leaving member with their role, as Cluster Singleton places them), and the shards
 * each member holds.
 */
final class MemberViews {

  /** Pekko gives every member a {@code dc-<name>} role; it is no role of Ben's. */
  private static final String DATA_CENTRE_ROLE = "dc-";

  private MemberViews() {}

  static List<MemberView> of(
      Iterable<Member> members,
      Set<Member> unreachable,
      String singletonRole,
      List<String> singletons,
      Map<Address, Integer> shards) {
    List<Member> all = new ArrayList<>();
    members.forEach(all::add);
    Optional<Member> host = singletonHost(all, singletonRole);
    return all.stream()
        .sorted(Comparator.comparing(m -> m.address().toString()))
        .map(
            m ->
                new MemberView(
                    m.address().toString(),
                    m.getRoles().stream()
                        .filter(role -> !role.startsWith(DATA_CENTRE_ROLE))
                        .sorted()
                        .toList(),
                    status(m.status()),
                    !unreachable.contains(m),
                    host.filter(m::equals).map(h -> singletons).orElse(List.of()),
                    shards.getOrDefault(m.address(), 0)))
        .toList();
  }

  private static Optional<Member> singletonHost(List<Member> members, String role) {
    return members.stream()
        .filter(m -> m.hasRole(role))
        .filter(m -> m.status() == MemberStatus.up() || m.status() == MemberStatus.leaving())
        .reduce((a, b) -> b.isOlderThan(a) ? b : a);
  }

  /** {@code Up}, {@code Joining}, … as Pekko names them, without its case-object suffix. */
  static String status(MemberStatus status) {
    String name = status.toString();
    return name.endsWith("$") ? name.substring(0, name.length() - 1) : name;
  }
}
