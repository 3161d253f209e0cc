package dev.kubeyard.engine.render;

import dev.kubeyard.model.spec.HostSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Renders every file for every host (Linux and Windows), in a stable order (host order of the spec, then path). */
public final class ClusterRenderer {
  private static final List<HostRenderer> RENDERERS = List.of(
      new BaseOsFiles(),
      new EtcdFiles(),
      new LoadBalancerFiles(),
      new RuntimeFiles(),
      new CniFiles(),
      new ApiserverFiles(),
      new ControllerFiles(),
      new KubeletFiles(),
      new KubeProxyFiles(),
      new KubeconfigFiles(),
      new WindowsNodeFiles(),
      new AddonFiles(),
      new MetalLbFiles());

  private ClusterRenderer() {}

  public static List<RenderedFile> render(RenderContext ctx) {
    List<RenderedFile> all = new ArrayList<>();
    for (HostSpec host : ctx.facts().hosts()) {
      all.addAll(forHost(ctx, host));
    }
    return List.copyOf(all);
  }

  public static List<RenderedFile> forHost(RenderContext ctx, HostSpec host) {
    List<RenderedFile> files = new ArrayList<>();
    for (HostRenderer r : RENDERERS) {
      files.addAll(r.render(ctx, host));
    }
    files.sort(Comparator.comparing(RenderedFile::path));
    return files;
  }
}
