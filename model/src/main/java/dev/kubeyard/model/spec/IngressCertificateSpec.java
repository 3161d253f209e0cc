package dev.kubeyard.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.file.Path;

/**
 * The administrator's own certificate for the ingress (pki.ingressCertificate), instead of the one the
 * cluster CA issues: PEM files on the machine that plans. {@code certificateFile} holds the server
 * certificate first, then any intermediates; {@code keyFile} its unencrypted private key. Both or neither.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"certificateFile", "keyFile"})
public record IngressCertificateSpec(String certificateFile, String keyFile) {
  public static final String FIELD = "pki.ingressCertificate";

  /**
   * Both paths absolute: {@code ~/} is the home folder (as for an SSH key), any other relative path is
   * taken from {@code specFolder}, so a spec and its certificate move together.
   */
  public IngressCertificateSpec resolvedAgainst(Path specFolder) {
    return new IngressCertificateSpec(resolve(certificateFile, specFolder), resolve(keyFile, specFolder));
  }

  private static String resolve(String file, Path folder) {
    if (file == null || file.isBlank()) {
      return file;
    }
    if (file.equals("~") || file.startsWith("~/")) {
      return Path.of(System.getProperty("user.home") + file.substring(1)).normalize().toString();
    }
    Path p = Path.of(file);
    return (p.isAbsolute() ? p : folder.toAbsolutePath().resolve(p)).normalize().toString();
  }
}
