package dev.kubeyard.engine.apps.pyservice;

import dev.kubeyard.engine.files.Sha256;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The gateway's bearer tokens (ADR 34): one per client kind, each with its scopes, 256 random bits each.
 * They live in the Secret {@link #SECRET} under their client's key; the pods mount only the key
 * {@link #HASHES_KEY}, the SHA-256 of each token, so a token never sits in a pod's files. Never rendered
 * into a plan or printed: the deployer writes the Secret, the administrator reads a token with
 * {@link #kubectlCommand}.
 */
public final class GatewayTokens {
  public static final String SECRET = "platform-gateway-api-tokens";
  public static final String HASHES_KEY = "api_token_hashes";
  /** The token a dashboard or the status check uses. */
  public static final String READ = "read";
  /** Client key to scopes, in the format app/core/auth.py reads. */
  public static final Map<String, String> CLIENTS = clients();
  private static final String PREFIX = "kyg_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private GatewayTokens() {}

  private static Map<String, String> clients() {
    Map<String, String> clients = new LinkedHashMap<>();
    clients.put(READ, "read");
    clients.put("write", "read,write");
    clients.put("full", "read,write,sync");
    return Collections.unmodifiableMap(clients);
  }

  /** A new token per client, and the hash lines: the Secret's string data. */
  public static Map<String, String> generate() {
    Map<String, String> data = new LinkedHashMap<>();
    for (String client : CLIENTS.keySet()) {
      byte[] bits = new byte[32];
      RANDOM.nextBytes(bits);
      data.put(client, PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bits));
    }
    data.put(HASHES_KEY, hashes(data));
    return data;
  }

  /** {@code <client> <scopes> sha256:<hex>}, one line per client, from the tokens in {@code data}. */
  public static String hashes(Map<String, String> data) {
    return CLIENTS.entrySet().stream()
        .map(c -> c.getKey() + " " + c.getValue() + " sha256:" + Sha256.of(data.get(c.getKey())))
        .collect(Collectors.joining("\n", "", "\n"));
  }

  /** Whether {@code data} holds every client's token and the hashes of exactly those tokens. */
  public static boolean complete(Map<String, String> data) {
    return CLIENTS.keySet().stream().allMatch(c -> data.get(c) != null && data.get(c).startsWith(PREFIX))
        && hashes(data).equals(data.get(HASHES_KEY));
  }

  /** How the administrator reads a client's token (the only place a token is shown is that command's output). */
  public static String kubectlCommand(String namespace, String client) {
    return "kubectl -n " + namespace + " get secret " + SECRET + " -o jsonpath='{.data." + client + "}' | base64 -d";
  }
}
