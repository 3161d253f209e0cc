package dev.kubeyard.engine.transport;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * JSch's view of {@link KnownHostsFile}: answers OK only for a listed key, remembers what the server
 * offered so a refusal can name the fingerprints, and never adds a key by itself.
 */
final class VerifyingHostKeys implements HostKeyRepository {
  private final KnownHostsFile file;
  private final String hostName;
  private volatile OfferedHostKey offered;
  private volatile String expectedFingerprint;
  private volatile int result = -1;

  VerifyingHostKeys(KnownHostsFile file, String hostName) {
    this.file = file;
    this.hostName = hostName;
  }

  @Override
  public int check(String knownHostsName, byte[] key) {
    String type = typeOf(key);
    String b64 = Base64.getEncoder().encodeToString(key);
    offered = new OfferedHostKey(hostName, knownHostsName, type, b64);
    List<KnownHostsFile.Entry> known = file.keysFor(knownHostsName);
    expectedFingerprint = null;
    if (known.stream().anyMatch(e -> e.type().equals(type) && e.keyBase64().equals(b64))) {
      result = OK;
    } else if (known.isEmpty()) {
      result = NOT_INCLUDED;
    } else {
      // a listed key of this type that differs, or a host that no longer offers the listed type:
      // both mean the key the user trusted is gone
      KnownHostsFile.Entry was = known.stream().filter(e -> e.type().equals(type)).findFirst().orElse(known.get(0));
      expectedFingerprint = OfferedHostKey.fingerprint(was.keyBase64());
      result = CHANGED;
    }
    return result;
  }

  /** Key types known_hosts lists for the host, so the negotiation asks for them first (as OpenSSH does). */
  List<String> knownTypes(String knownHostsName) {
    List<String> types = new ArrayList<>();
    for (KnownHostsFile.Entry e : file.keysFor(knownHostsName)) {
      if (e.type().equals("ssh-rsa")) {
        types.addAll(List.of("rsa-sha2-512", "rsa-sha2-256", "ssh-rsa"));
      } else {
        types.add(e.type());
      }
    }
    return types;
  }

  OfferedHostKey offered() {
    return offered;
  }

  int result() {
    return result;
  }

  String expectedFingerprint() {
    return expectedFingerprint;
  }

  private static String typeOf(byte[] blob) {
    ByteBuffer b = ByteBuffer.wrap(blob);
    int len = b.getInt();
    return new String(blob, 4, len, StandardCharsets.US_ASCII);
  }

  @Override
  public void add(HostKey hostkey, UserInfo ui) {
    // keys are added only through KnownHostsFile.add after an explicit decision
  }

  @Override
  public void remove(String host, String type) {}

  @Override
  public void remove(String host, String type, byte[] key) {}

  @Override
  public String getKnownHostsRepositoryID() {
    return file.path().toString();
  }

  @Override
  public HostKey[] getHostKey() {
    return toHostKeys(file.entries());
  }

  @Override
  public HostKey[] getHostKey(String host, String type) {
    return toHostKeys(file.keysFor(host).stream().filter(e -> type == null || e.type().equals(type)).toList());
  }

  private static HostKey[] toHostKeys(List<KnownHostsFile.Entry> entries) {
    List<HostKey> out = new ArrayList<>();
    for (KnownHostsFile.Entry e : entries) {
      try {
        out.add(new HostKey(e.names(), Base64.getDecoder().decode(e.keyBase64())));
      } catch (JSchException | IllegalArgumentException ignored) {
        // a key type JSch does not know cannot match anyway
      }
    }
    return out.toArray(new HostKey[0]);
  }
}
