package dev.ben.benctl.view;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The parts of a contract set {@code benctl inspect --section} can show; the names are what users
 * type.
 */
public enum Section {
  /** Schemas: table, key, order_by and typed fields with their {@code @pii} marks. */
  schemas,
  /** Value lists: element type and entries. */
  lists,
  /** The ClickHouse DDL of every schema's table. */
  ddl,
  /** Each policy's bit layout: bit index to predicate or threshold level. */
  bits,
  /** Each policy's rules in check order, and its redactions. */
  rules,
  /** Detectors and their features. */
  detectors,
  /** Signals and the bounded playbooks that emit them. */
  playbooks,
  /** Pipelines: members and runtime settings. */
  pipelines,
  /** Every section above, in that order. */
  all;

  /**
   * The sections to show in display order, each once; {@code all} (or nothing chosen) means every
   * one.
   */
  public static List<Section> expand(Collection<Section> chosen) {
    List<Section> sections = new ArrayList<>();
    for (Section section : values()) {
      boolean wanted = chosen.isEmpty() || chosen.contains(all) || chosen.contains(section);
      if (section != all && wanted) {
        sections.add(section);
      }
    }
    return sections;
  }

  /** Whether {@code sections} is every section, which is when views add their overview parts. */
  public static boolean isEverything(List<Section> sections) {
    return sections.size() == values().length - 1;
  }
}
