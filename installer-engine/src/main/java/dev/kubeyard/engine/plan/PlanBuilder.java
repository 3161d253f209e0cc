package dev.kubeyard.engine.plan;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.pki.IngressTls;
import dev.kubeyard.engine.pki.KeyFiles;
import dev.kubeyard.engine.pki.PkiMaterial;
import dev.kubeyard.engine.pki.PkiNames;
import dev.kubeyard.engine.render.AddonImages;
import dev.kubeyard.engine.render.AdminKubeconfig;
import dev.kubeyard.engine.render.ClusterRenderer;
import dev.kubeyard.engine.render.ClusterSecrets;
import dev.kubeyard.engine.render.IngressControllerFiles;
import dev.kubeyard.engine.render.MetricsServerTls;
import dev.kubeyard.engine.render.RenderContext;
import dev.kubeyard.engine.render.RenderedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Renders and writes a plan folder from facts and the PKI already in {@code dir/pki}, or builds the plan
 * in memory for a preview. Callers go through {@code pipeline.PlanPipeline}, which issues the PKI first.
 */
public final class PlanBuilder {
  /** The digest a preview shows for a certificate that is not issued yet. */
  public static final String CERTIFICATE_DIGEST_PENDING = "0".repeat(64);

  private PlanBuilder() {}

  /**
   * The plan without a PKI or a folder, for review: certificates are not issued yet (their digests are
   * {@link #CERTIFICATE_DIGEST_PENDING}) and the encryption and memberlist keys are throwaway ones, never shown or kept.
   *
   * @throws dev.kubeyard.engine.pki.IngressCertificateException the administrator's certificate cannot serve the hosts
   */
  public static Plan preview(ClusterFacts facts) {
    RenderContext ctx = new RenderContext(facts, ClusterSecrets.throwaway());
    Map<String, String> certificates = new TreeMap<>();
    CertificatePlacement.pkiFilesOf(facts).forEach(name -> certificates.put(name, CERTIFICATE_DIGEST_PENDING));
    List<RenderedFile> files = new ArrayList<>(ClusterRenderer.render(ctx));
    // the ingress Secret holds a certificate not issued yet (the same file, placed by the same step), or
    // the administrator's own, read and checked now as the written plan will
    Optional<IngressTls> own = IngressTls.own(facts, Instant.now());
    files.add(own.map(tls -> tlsSecret(facts, tls)).orElseGet(() ->
        IngressControllerFiles.tlsSecret(facts, CERTIFICATE_DIGEST_PENDING, CERTIFICATE_DIGEST_PENDING)));
    files.add(MetricsServerTls.file(facts, CERTIFICATE_DIGEST_PENDING, CERTIFICATE_DIGEST_PENDING, CERTIFICATE_DIGEST_PENDING));
    return InstallSequence.plan(new PlanInput(facts, files, certificates, BundleContent.none()));
  }

  /** A plan without a bundle: configuration and certificates only (binaries must already be on the hosts). */
  public static Plan write(ClusterFacts facts, Path dir) throws IOException {
    return write(facts, dir, null, BundleContent.none());
  }

  /**
   * A plan that also installs binaries and images from {@code bundleDir}, which the plan folder links as
   * {@code bundle} so every step's source stays relative to the plan.
   */
  public static Plan write(ClusterFacts facts, Path dir, Path bundleDir, BundleContent bundle) throws IOException {
    String wanted = facts.version().toString();
    if (!bundle.isEmpty() && !bundle.kubernetesVersion().equals(wanted)) {
      throw new IllegalArgumentException("the bundle " + bundleDir + " carries Kubernetes " + bundle.kubernetesVersion()
          + " but kubernetes.version is " + wanted + "; set kubernetes.version: " + bundle.kubernetesVersion()
          + " or build a bundle for " + wanted + " (tools/k8s-builder/pin.sh v" + wanted + ", tools/build-bundle.sh)");
    }
    Files.createDirectories(dir);
    linkBundle(dir.resolve(BundleContent.FOLDER), bundle.isEmpty() ? null : bundleDir);
    Path pki = dir.resolve("pki");
    RenderContext ctx = withBundleImages(new RenderContext(facts, ClusterSecrets.loadOrCreate(pki)), bundle);
    List<RenderedFile> files = new ArrayList<>(ClusterRenderer.render(ctx));
    PkiMaterial material = PkiMaterial.load(pki);
    files.add(tlsSecret(facts, IngressTls.forPlan(facts, material, Instant.now())));
    files.add(MetricsServerTls.file(facts, material.certificate(PkiNames.METRICS_SERVER),
        material.privateKey(PkiNames.METRICS_SERVER), material.certificate(PkiNames.CA)));
    Plan plan = InstallSequence.plan(new PlanInput(facts, files, digests(pki), bundle));
    PlanWriter.write(dir, plan, files);
    AdminKubeconfig.writeBoth(facts, pki, dir);
    return plan;
  }

  /** The Secret the ingress serves: the administrator's chain and key, or the cluster CA's certificate. */
  private static RenderedFile tlsSecret(ClusterFacts facts, IngressTls tls) {
    return tls.own() ? IngressControllerFiles.tlsSecret(facts, tls.chainPem(), tls.keyPem(), "pki.ingressCertificate, "
        + "supplied by the administrator: " + tls) : IngressControllerFiles.tlsSecret(facts, tls.chainPem(), tls.keyPem());
  }

  /** The manifests and containerd name the images exactly as the bundle imports them. */
  private static RenderContext withBundleImages(RenderContext ctx, BundleContent bundle) {
    if (bundle.images().isEmpty()) {
      return ctx;
    }
    AddonImages d = ctx.images();
    return ctx.withImages(new AddonImages(reference(bundle, "pause", d.pause()), reference(bundle, "flannel", d.flannel()),
        reference(bundle, "coredns", d.coredns()), reference(bundle, "metrics-server", d.metricsServer()),
        reference(bundle, "traefik", d.traefik()),
        reference(bundle, "metallb-controller", d.metallbController()),
        reference(bundle, "metallb-speaker", d.metallbSpeaker()),
        reference(bundle, "kube-router", d.kubeRouter())));
  }

  private static String reference(BundleContent bundle, String component, String fallback) {
    BundleContent.Image image = bundle.images().get(component);
    return image == null ? fallback : image.reference();
  }

  private static void linkBundle(Path link, Path bundleDir) throws IOException {
    Files.deleteIfExists(link);
    if (bundleDir != null) {
      Files.createSymbolicLink(link, bundleDir.toAbsolutePath());
    }
  }

  /**
   * sha256 of every file in the PKI folder as a host receives it, by file name: an encrypted CA key's is
   * its decrypted form's, recorded when it was written, so planning needs no passphrase (ADR 37).
   */
  static Map<String, String> digests(Path pki) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(pki)) {
      files.filter(Files::isRegularFile).filter(f -> !KeyFiles.isDigestFile(f))
          .forEach(f -> out.put(f.getFileName().toString(), KeyFiles.placedDigest(f)));
    }
    return out;
  }
}
