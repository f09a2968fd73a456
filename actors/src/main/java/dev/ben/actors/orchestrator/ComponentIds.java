package dev.ben.actors.orchestrator;

/**
 * Names of components, {@code pipeline/kind@node}: the executor places them under these names, the
 * components say hello and acknowledge versions with them, and status reads kind and node back out
 * of them.
 */
public final class ComponentIds {

  private ComponentIds() {}

  public static String of(String pipeline, String kind, String node) {
    return pipeline + "/" + kind + "@" + node;
  }

  /** The kind part of an id, empty when the id is not in this form. */
  public static String kind(String componentId) {
    int slash = componentId.indexOf('/');
    int at = componentId.indexOf('@');
    return slash >= 0 && at > slash ? componentId.substring(slash + 1, at) : "";
  }

  /** The node part of an id, empty when the id is not in this form. */
  public static String node(String componentId) {
    int at = componentId.indexOf('@');
    return at >= 0 ? componentId.substring(at + 1) : "";
  }
}
