package dev.ben.contracts.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.model.DetectorSpec;
import dev.ben.contracts.model.EventType;
import dev.ben.contracts.model.Fingerprinted;
import dev.ben.contracts.model.ModelJson;
import dev.ben.contracts.model.Pipeline;
import dev.ben.contracts.model.Playbook;
import dev.ben.contracts.model.PolicyPack;
import dev.ben.contracts.model.Schema;
import dev.ben.contracts.model.Signal;
import dev.ben.contracts.model.ValueList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The mapping between a compiled {@link ContractSet} and a signed bundle: one artifact per schema
 * (with its DDL), list, policy pack, detector, signal, playbook, pipeline and declared event type,
 * plus the project's source files ({@link SourceArtifacts}), which are carried for people to read
 * and never decoded into the contract set. The contract set's version label is not part of the
 * bundle: the ledger assigns versions when a bundle is staged, so the same sources always give the
 * same bytes.
 */
public final class ContractBundles {

  /** The compiler identity written into every manifest; changes when the compiled form changes. */
  public static final String COMPILER_VERSION = "benc-1";

  public static final String SCHEMA = "schema";
  public static final String LIST = "list";
  public static final String POLICY = "policy";
  public static final String DETECTOR = "detector";
  public static final String SIGNAL = "signal";
  public static final String PLAYBOOK = "playbook";
  public static final String PIPELINE = "pipeline";
  public static final String EVENT_TYPE = "event_type";

  private static final ObjectMapper MODEL = ModelJson.mapper();

  private ContractBundles() {}

  /**
   * Seals the compiled contracts, without their sources, into a bundle signed by {@code signer}.
   */
  public static Bundle build(ContractSet contracts, SigningKey signer) {
    return build(contracts, Map.of(), signer);
  }

  /**
   * Seals the compiled contracts and the source files they were compiled from ({@code
   * project-relative path -> text}) into a bundle signed by {@code signer}.
   *
   * @throws IllegalArgumentException naming the file when a source cannot be carried (its path or
   *     its size)
   */
  public static Bundle build(
      ContractSet contracts, Map<String, String> sources, SigningKey signer) {
    var builder = BundleBuilder.forProject(contracts.project(), COMPILER_VERSION);
    new TreeMap<>(sources)
        .forEach(
            (path, text) ->
                builder.add(SourceArtifacts.KIND, path, SourceArtifacts.content(path, text)));
    addAll(builder, SCHEMA, contracts.schemas());
    addAll(builder, LIST, contracts.lists());
    addAll(builder, POLICY, contracts.policies());
    addAll(builder, DETECTOR, contracts.detectors());
    addAll(builder, SIGNAL, contracts.signals());
    addAll(builder, PLAYBOOK, contracts.playbooks());
    addAll(builder, PIPELINE, contracts.pipelines());
    addAll(builder, EVENT_TYPE, contracts.eventTypes());
    return builder.build(signer);
  }

  private static void addAll(
      BundleBuilder builder, String kind, List<? extends Fingerprinted<?>> artifacts) {
    for (Fingerprinted<?> artifact : artifacts) {
      builder.add(kind, artifact.name(), MODEL.valueToTree(artifact));
    }
  }

  /**
   * The label of a version the ledger assigned, as every run of it names it (in each playbook
   * outcome's {@code contractVersion}): a node running it, bux's test bench and {@code benctl test
   * --contract-version} given its bundle.
   */
  public static String versionLabel(long version) {
    return "v" + version;
  }

  /**
   * The contract set a bundle holds, labelled {@code version}. Refuses (with the artifact named)
   * content that does not decode into the model or whose model fingerprint does not match, so a
   * bundle written by another compiler version is never half-understood.
   */
  public static ContractSet contracts(Bundle bundle, String version) throws BundleRefusedException {
    if (!COMPILER_VERSION.equals(bundle.manifest().compilerVersion())) {
      throw new BundleRefusedException(
          Refusal.Reason.MALFORMED,
          "the bundle was compiled by "
              + bundle.manifest().compilerVersion()
              + " but this runtime reads "
              + COMPILER_VERSION
              + "; rebuild it with a matching benctl");
    }
    return new ContractSet(
        bundle.manifest().project(),
        version,
        decodeAll(bundle, SCHEMA, Schema.class),
        decodeAll(bundle, LIST, ValueList.class),
        decodeAll(bundle, POLICY, PolicyPack.class),
        decodeAll(bundle, DETECTOR, DetectorSpec.class),
        decodeAll(bundle, SIGNAL, Signal.class),
        decodeAll(bundle, PLAYBOOK, Playbook.class),
        decodeAll(bundle, PIPELINE, Pipeline.class),
        decodeAll(bundle, EVENT_TYPE, EventType.class));
  }

  private static <T extends Fingerprinted<T>> List<T> decodeAll(
      Bundle bundle, String kind, Class<T> type) throws BundleRefusedException {
    List<T> decoded = new ArrayList<>();
    for (Artifact artifact : bundle.artifacts(kind)) {
      T value = decode(artifact, type);
      if (!ModelJson.verify(value)) {
        throw new BundleRefusedException(
            Refusal.Reason.MALFORMED,
            artifact.ref().label() + ": its model fingerprint does not match its content");
      }
      decoded.add(value);
    }
    return decoded;
  }

  private static <T> T decode(Artifact artifact, Class<T> type) throws BundleRefusedException {
    try {
      return MODEL.treeToValue(artifact.content(), type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      var refused =
          new BundleRefusedException(
              Refusal.Reason.MALFORMED,
              artifact.ref().label()
                  + " is not a valid "
                  + type.getSimpleName()
                  + ": "
                  + e.getMessage());
      refused.initCause(e);
      throw refused;
    }
  }
}
