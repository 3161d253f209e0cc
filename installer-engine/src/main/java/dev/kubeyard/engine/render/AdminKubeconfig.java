package dev.kubeyard.engine.render;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.files.AtomicFiles;
import dev.kubeyard.engine.pki.PkiMaterial;
import dev.kubeyard.engine.pki.PkiNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/**
 * The administrator's kubeconfigs for the deploy machine: certificates embedded, so they work from any
 * folder; written 0600 because they carry a key. {@code admin.kubeconfig} is in the group bound to
 * cluster-admin; {@code break-glass.kubeconfig} is system:masters and never leaves the plan folder (ADR 38).
 */
public final class AdminKubeconfig {
  public static final String FILE = "admin.kubeconfig";
  public static final String BREAK_GLASS_FILE = "break-glass.kubeconfig";

  private AdminKubeconfig() {}

  /** Both kubeconfigs into the plan folder {@code planDir}. */
  public static void writeBoth(ClusterFacts facts, Path pkiDir, Path planDir) throws IOException {
    write(facts, pkiDir, planDir.resolve(FILE), PkiNames.ADMIN);
    write(facts, pkiDir, planDir.resolve(BREAK_GLASS_FILE), PkiNames.BREAK_GLASS);
  }

  public static void write(ClusterFacts facts, Path pkiDir, Path target) throws IOException {
    write(facts, pkiDir, target, PkiNames.ADMIN);
  }

  /** The system:masters kubeconfig alone, for a bare apiserver with no bindings yet (tests). */
  public static void writeBreakGlass(ClusterFacts facts, Path pkiDir, Path target) throws IOException {
    write(facts, pkiDir, target, PkiNames.BREAK_GLASS);
  }

  private static void write(ClusterFacts facts, Path pkiDir, Path target, String pkiName) throws IOException {
    PkiMaterial pki = PkiMaterial.load(pkiDir);
    String text = Templates.render("kubeconfig-embedded.yaml", Map.of(
        "cluster", facts.clusterName(),
        "server", facts.apiserverUrl(),
        "caData", b64(pki.certificate(PkiNames.CA)),
        "certData", b64(pki.certificate(pkiName)),
        "keyData", b64(pki.privateKey(pkiName))));
    AtomicFiles.write(target, text, AtomicFiles.OWNER_ONLY);
  }

  private static String b64(String pem) {
    return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8));
  }
}
