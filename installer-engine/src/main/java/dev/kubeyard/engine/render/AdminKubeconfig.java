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
 * The administrator's kubeconfig for the deploy machine: certificates embedded, so it works from any
 * folder; written 0600 because it carries the admin key.
 */
public final class AdminKubeconfig {
  private AdminKubeconfig() {}

  public static void write(ClusterFacts facts, Path pkiDir, Path target) throws IOException {
    PkiMaterial pki = PkiMaterial.load(pkiDir);
    String text = Templates.render("kubeconfig-embedded.yaml", Map.of(
        "cluster", facts.clusterName(),
        "server", facts.apiserverUrl(),
        "caData", b64(pki.certificate(PkiNames.CA)),
        "certData", b64(pki.certificate(PkiNames.ADMIN)),
        "keyData", b64(pki.privateKey(PkiNames.ADMIN))));
    AtomicFiles.write(target, text, AtomicFiles.OWNER_ONLY);
  }

  private static String b64(String pem) {
    return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8));
  }
}
