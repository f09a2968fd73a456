package dev.ben.contracts.lang;

import dev.ben.contracts.diag.Span;
import java.util.List;

/**
 * {@code pipeline NAME { schemas [..] policies [..] detectors [..] playbooks [..] sidecar {..}
 * proxy {..} spines N store {..} }}. Blocks are kept as key/value settings and validated by the
 * checker.
 */
public record PipelineDecl(
    Ident name,
    List<Ident> schemas,
    List<Ident> policies,
    List<Ident> detectors,
    List<Ident> playbooks,
    List<Setting> sidecar,
    List<Setting> proxy,
    Literal.Num spines,
    List<Setting> store,
    Span span)
    implements Decl {

  public PipelineDecl {
    schemas = List.copyOf(schemas);
    policies = List.copyOf(policies);
    detectors = List.copyOf(detectors);
    playbooks = List.copyOf(playbooks);
    sidecar = sidecar == null ? null : List.copyOf(sidecar);
    proxy = proxy == null ? null : List.copyOf(proxy);
    store = store == null ? null : List.copyOf(store);
  }

  @Override
  public String keyword() {
    return "pipeline";
  }

  /** {@code key value} inside a block, e.g. {@code buffer 10000} or {@code http} (value null). */
  public record Setting(Ident key, Literal value, Span span) {}
}
