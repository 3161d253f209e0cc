package dev.kubeyard.engine.render;

import dev.kubeyard.model.spec.HostSpec;
import java.util.List;

/** Renders the files one concern (etcd, control plane, LB, ...) needs on one host; empty when none. */
interface HostRenderer {
  List<RenderedFile> render(RenderContext ctx, HostSpec host);
}
