package dev.kubeyard.engine.pki;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The PKI as written by {@link ClusterPki}, read back as PEM text by name: what the renderer embeds
 * (the admin certificate and key in a kubeconfig, the CA everywhere) and what the apply steps copy.
 */
public final class PkiMaterial {
  private final Path dir;
  private final Map<String, String> certificates;
  private final Map<String, String> privateKeys;
  private final String serviceAccountPublicKey;

  private PkiMaterial(Path dir, Map<String, String> certificates, Map<String, String> privateKeys,
      String serviceAccountPublicKey) {
    this.dir = dir;
    this.certificates = certificates;
    this.privateKeys = privateKeys;
    this.serviceAccountPublicKey = serviceAccountPublicKey;
  }

  /** Reads every certificate, private key and sa.pub in {@code pkiDir}. */
  public static PkiMaterial load(Path pkiDir) {
    if (!Files.isDirectory(pkiDir)) {
      throw new PkiException("there is no PKI directory at " + pkiDir,
          "create the PKI first (ClusterPki.ensure) or point to the right directory");
    }
    KeyFiles files = KeyFiles.at(pkiDir);
    Map<String, String> certs = new TreeMap<>();
    Map<String, String> keys = new TreeMap<>();
    for (String name : files.certificateNames()) {
      certs.put(name, files.read(files.certificate(name)).orElseThrow());
      files.read(files.privateKey(name)).ifPresent(pem -> keys.put(name, pem));
    }
    files.read(files.privateKey(PkiNames.SERVICE_ACCOUNT)).ifPresent(pem -> keys.put(PkiNames.SERVICE_ACCOUNT, pem));
    String saPub = files.read(files.publicKey(PkiNames.SERVICE_ACCOUNT)).orElse(null);
    return new PkiMaterial(pkiDir, certs, keys, saPub);
  }

  /** The PEM certificate {@code <name>.pem}, e.g. {@code certificate(PkiNames.ADMIN)}. */
  public String certificate(String name) {
    return require(certificates, name, name + ".pem");
  }

  /** The PEM (PKCS#8) private key {@code <name>-key.pem}. */
  public String privateKey(String name) {
    return require(privateKeys, name, name + "-key.pem");
  }

  /** The PEM public key {@code sa.pub} that verifies service-account tokens. */
  public String serviceAccountPublicKey() {
    if (serviceAccountPublicKey == null) {
      throw missing("sa.pub");
    }
    return serviceAccountPublicKey;
  }

  public boolean hasCertificate(String name) {
    return certificates.containsKey(name);
  }

  /** Whether {@code <name>-key.pem} was read beside its certificate. */
  public boolean hasPrivateKey(String name) {
    return privateKeys.containsKey(name);
  }

  /** The subjectAltNames of {@code <name>.pem}, IP addresses in dotted form, as the renewal check reads them. */
  public Set<String> subjectAltNames(String name) {
    return RenewalCheck.subjectAltNames(Pem.readCertificate(certificate(name)));
  }

  /** The folder this was read from, for messages that tell where a certificate was looked for. */
  public Path dir() {
    return dir;
  }

  /** The names of every certificate present, sorted. */
  public Set<String> certificateNames() {
    return certificates.keySet();
  }

  /** The CA bundle a component must trust for {@code authority}. */
  public String authorityCertificate(CertificateAuthority authority) {
    return certificate(authority.fileName());
  }

  private String require(Map<String, String> pems, String name, String file) {
    String pem = pems.get(name);
    if (pem == null) {
      throw missing(file);
    }
    return pem;
  }

  private PkiException missing(String file) {
    List<String> present = List.copyOf(certificates.keySet());
    return new PkiException(file + " is not in " + dir + " (certificates present: " + present + ")",
        "run the PKI step again, which issues every certificate the spec needs");
  }
}
