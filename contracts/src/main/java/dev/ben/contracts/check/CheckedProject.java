package dev.ben.contracts.check;

import dev.ben.contracts.project.Project;
import java.util.Map;

/** A project that went through the checker, with what it resolved, ready for the compiler. */
public record CheckedProject(Project project, Symbols symbols, Map<String, SchemaView> schemas,
    Map<String, PolicyView> policies) {}
