package dev.kubeyard.engine.k8s;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.Config;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

/** An API client from a kubeconfig file: its server, CA and credentials; nothing is sent yet. */
public final class Kubeconfigs {
  private static final int CONNECT_TIMEOUT_MS = 5_000;

  private Kubeconfigs() {}

  /**
   * @param readTimeout how long one answer may take (the ES adapter waits on slow cluster APIs)
   * @throws ClusterStatusException naming the file and why it could not be used
   */
  public static ApiClient client(Path kubeconfig, Duration readTimeout, String fix) {
    try (Reader r = Files.newBufferedReader(kubeconfig, StandardCharsets.UTF_8)) {
      ApiClient client = Config.fromConfig(r);
      client.setConnectTimeout(CONNECT_TIMEOUT_MS);
      client.setReadTimeout((int) readTimeout.toMillis());
      return client;
    } catch (IOException | RuntimeException e) {
      String why = e instanceof NoSuchFileException ? "no such file" : e.getMessage();
      throw new ClusterStatusException("cannot read kubeconfig " + kubeconfig + ": " + why, fix, e);
    }
  }
}
