package dev.ben.contracts.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A deployable unit: the member artifacts (by name) and the settings of its sidecars, proxies,
 * spines and store.
 */
@JsonPropertyOrder({
  "name",
  "schemas",
  "policies",
  "detectors",
  "playbooks",
  "sidecar",
  "proxy",
  "spines",
  "store",
  "fingerprint"
})
public record Pipeline(
    String name,
    List<String> schemas,
    List<String> policies,
    List<String> detectors,
    List<String> playbooks,
    SidecarSettings sidecar,
    ProxySettings proxy,
    int spines,
    StoreSettings store,
    String fingerprint)
    implements Fingerprinted<Pipeline> {

  public Pipeline {
    Checks.name(name, "pipeline name");
    schemas = Checks.list(schemas);
    policies = Checks.list(policies);
    detectors = Checks.list(detectors);
    playbooks = Checks.list(playbooks);
    Checks.present(sidecar, "sidecar settings of pipeline '" + name + "'");
    Checks.present(proxy, "proxy settings of pipeline '" + name + "'");
    Checks.present(store, "store settings of pipeline '" + name + "'");
    Checks.positive(spines, "spines of pipeline '" + name + "'");
    fingerprint = Checks.fingerprint(fingerprint);
    if (schemas.isEmpty()) {
      throw new IllegalArgumentException("pipeline '" + name + "' needs at least one schema");
    }
  }

  @Override
  public Pipeline withFingerprint(String value) {
    return new Pipeline(
        name, schemas, policies, detectors, playbooks, sidecar, proxy, spines, store, value);
  }
}
