package dev.ben.contracts.check;

import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.diag.SourceFile;
import dev.ben.contracts.diag.Span;
import dev.ben.contracts.lang.EventTypeDecl;
import dev.ben.contracts.lang.Literal;
import dev.ben.contracts.lang.PipelineDecl;
import dev.ben.contracts.model.EventTypeNames;
import java.util.List;
import java.util.Optional;

/**
 * Checks the event types a project declares: a name the event log accepts under every pipeline of
 * the project, and a schema file inside the project holding a JSON Schema the log accepts ({@link
 * EventTypeSchemas}). A syntax error points into the schema file.
 */
final class EventTypeChecker {

  private final CheckContext context;
  private final Diagnostics diagnostics;
  private final EventTypeSchemas schemas = new EventTypeSchemas();

  EventTypeChecker(CheckContext context) {
    this.context = context;
    this.diagnostics = context.diagnostics;
  }

  /** The checked type, or null after reporting what is wrong. */
  CheckedEventType check(EventTypeDecl decl) {
    String name = decl.name().name();
    boolean named = EventTypeNames.WORD.matcher(name).matches();
    if (!named) {
      diagnostics.error(
          decl.name().span(),
          "event type name `" + name + "` must be lowercase letters, digits and _",
          "the event log names it `<pipeline>." + name.toLowerCase().replace('-', '_') + "`");
    }
    Optional<SourceFile> file = schemaFile(decl.file());
    if (file.isEmpty()) {
      return null;
    }
    EventTypeSchemas.Result read = schemas.read(file.get().text());
    if (read.problem() != null) {
      EventTypeSchemas.Problem problem = read.problem();
      String message =
          "the schema of event type `"
              + name
              + "` ("
              + file.get().path()
              + ") "
              + problem.message();
      if (problem.line() > 0 && problem.line() <= file.get().lineCount()) {
        int at = file.get().lineStart(problem.line()) + Math.max(0, problem.column() - 1);
        int clamped = Math.min(at, file.get().length());
        diagnostics.error(new Span(file.get(), clamped, clamped), message);
      } else {
        diagnostics.error(decl.file().span(), message);
      }
      return null;
    }
    return named ? new CheckedEventType(name, read.schema()) : null;
  }

  /**
   * A project that declares event types prefixes them with each pipeline's name, so every pipeline
   * must make a valid, unreserved prefix and a type name within the log's bound.
   */
  void checkPrefixes(List<PipelineDecl> pipelines, List<EventTypeDecl> types) {
    if (types.isEmpty()) {
      return;
    }
    for (PipelineDecl pipeline : pipelines) {
      String problem = EventTypeNames.pipelineProblem(pipeline.name().name());
      if (problem != null) {
        diagnostics.error(
            pipeline.name().span(),
            problem,
            "rename the pipeline, or declare the event types in a project of their own");
        continue;
      }
      for (EventTypeDecl type : types) {
        String qualified = EventTypeNames.qualified(pipeline.name().name(), type.name().name());
        if (qualified.length() > EventTypeNames.MAX_CHARS) {
          diagnostics.error(
              type.name().span(),
              "event type `"
                  + qualified
                  + "` is longer than the event log's "
                  + EventTypeNames.MAX_CHARS
                  + " characters");
        }
      }
    }
  }

  private Optional<SourceFile> schemaFile(Literal.Str written) {
    String path = ProjectPaths.resolve(written.span().file().path(), written.value());
    if (path == null) {
      diagnostics.error(
          written.span(),
          "schema file \"" + written.value() + "\" is outside the project",
          "schema files are relative to the declaring file and must stay inside the project folder");
      return Optional.empty();
    }
    Optional<SourceFile> file = context.resources.read(path);
    if (file.isEmpty()) {
      diagnostics.error(
          written.span(),
          "schema file \"" + written.value() + "\" was not found in the project",
          "expected it at `" + path + "` in the project");
    }
    return file;
  }
}
