package dev.ben.benctl.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ben.contracts.bundle.Artifact;
import dev.ben.contracts.bundle.Bundle;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.model.DetectorSpec;
import dev.ben.contracts.model.ModelJson;
import dev.ben.contracts.model.Pipeline;
import dev.ben.contracts.model.Playbook;
import dev.ben.contracts.model.PolicyPack;
import dev.ben.contracts.model.Schema;
import dev.ben.contracts.model.Signal;
import dev.ben.contracts.model.ValueList;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The contract artifacts of a bundle decoded back into the model, for viewing. Artifacts of the kinds the compiler
 * writes ({@code schema}, {@code list}, {@code policy}, {@code detector}, {@code signal}, {@code playbook},
 * {@code pipeline}) are decoded by name; one that does not decode (another compiler version wrote it) is left out
 * and described, never guessed at, while other kinds are simply not part of the contract view.
 */
final class BundleContracts {

  /** The decoded contract set and one line per artifact that could not be decoded. */
  record Decoded(ContractSet contracts, List<String> problems) {
  }

  private static final Pattern JACKSON_ADVICE =
      Pattern.compile(" \\((set DeserializationConfig|although at least one Creator exists)[^)]*\\)");

  private BundleContracts() {
  }

  static Decoded decode(Bundle bundle) {
    List<String> problems = new ArrayList<>();
    var contracts = new ContractSet(bundle.manifest().project(), "",
        all(bundle, "schema", Schema.class, problems),
        all(bundle, "list", ValueList.class, problems),
        all(bundle, "policy", PolicyPack.class, problems),
        all(bundle, "detector", DetectorSpec.class, problems),
        all(bundle, "signal", Signal.class, problems),
        all(bundle, "playbook", Playbook.class, problems),
        all(bundle, "pipeline", Pipeline.class, problems));
    return new Decoded(contracts, List.copyOf(problems));
  }

  private static <T> List<T> all(Bundle bundle, String kind, Class<T> type, List<String> problems) {
    List<T> decoded = new ArrayList<>();
    for (Artifact artifact : bundle.artifacts(kind)) {
      try {
        decoded.add(ModelJson.mapper().treeToValue(artifact.content(), type));
      } catch (JsonProcessingException | IllegalArgumentException e) {
        problems.add(artifact.ref().label() + " is not a " + type.getSimpleName() + " this benctl can read ("
            + firstLine(e) + "); it is listed with the artifacts but not shown");
      }
    }
    return decoded;
  }

  /**
   * What is wrong, without what only a Java developer could act on: Jackson appends the JSON path on further
   * lines and parenthesised advice about its own configuration.
   */
  private static String firstLine(Exception e) {
    String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    String text = message == null ? e.getClass().getSimpleName() : message;
    int newline = text.indexOf('\n');
    String line = newline < 0 ? text : text.substring(0, newline);
    return JACKSON_ADVICE.matcher(line).replaceAll("");
  }
}
