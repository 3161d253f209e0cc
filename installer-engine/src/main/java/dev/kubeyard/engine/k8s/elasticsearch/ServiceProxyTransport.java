package dev.kubeyard.engine.k8s.elasticsearch;

import dev.kubeyard.engine.apps.elasticsearch.rest.EsException;
import dev.kubeyard.engine.apps.elasticsearch.rest.EsResponse;
import dev.kubeyard.engine.apps.elasticsearch.rest.EsTransport;
import java.time.Duration;
import java.util.Optional;

/**
 * The Elasticsearch REST API through the apiserver's service proxy
 * ({@code /api/v1/namespaces/NS/services/NAME:9200/proxy/...}): no port-forward and no route from the
 * deploy node to pod IPs, just the kubeconfig. The client Service sends each request to a ready pod.
 *
 * <p>While a pod restarts, the Service can have no ready endpoint for a few seconds (with one master,
 * every master restart does), and the proxy answers 503 "no endpoints available" or cannot connect.
 * That is "not yet", not a failure: the request is sent again until {@code notReadyWait} has passed
 * (every request Kubeyard sends is idempotent, see {@link EsTransport}). Only then does the caller see
 * an {@link EsException}, naming the Service, the wait and the proxy's last answer.
 */
final class ServiceProxyTransport implements EsTransport {
  /** Long enough for a single master's restart on the lab (about 31 s measured), with room to spare. */
  static final Duration DEFAULT_NOT_READY_WAIT = Duration.ofSeconds(120);
  private static final long FIRST_PAUSE_MILLIS = 250;
  private static final long LONGEST_PAUSE_MILLIS = 2_000;
  private final KubernetesAccess k8s;
  private final String namespace;
  private final String service;
  private final String prefix;
  private final Duration notReadyWait;

  ServiceProxyTransport(KubernetesAccess k8s, String namespace, String service, Duration notReadyWait) {
    this.k8s = k8s;
    this.namespace = namespace;
    this.service = namespace + "/" + service;
    this.prefix = "/api/v1/namespaces/" + namespace + "/services/" + service + ":9200/proxy";
    this.notReadyWait = notReadyWait;
  }

  @Override
  public EsResponse send(String method, String path, String jsonBody) {
    long deadline = System.nanoTime() + notReadyWait.toNanos();
    long pause = FIRST_PAUSE_MILLIS;
    int attempts = 0;
    while (true) {
      KubernetesAccess.Reply r = k8s.send(method, prefix + path, jsonBody, jsonBody == null ? null : "application/json");
      attempts++;
      Optional<String> notYet = ProxyAnswer.notYetReady(r.status(), r.body());
      if (notYet.isEmpty()) {
        return new EsResponse(r.status(), r.body());
      }
      if (System.nanoTime() + pause * 1_000_000 > deadline) {
        throw new EsException("the Elasticsearch Service " + service + " had no pod ready to answer " + method + " "
            + path + " for " + notReadyWait.toSeconds() + " s (" + attempts + " attempts; the apiserver's last answer: "
            + r.status() + " " + notYet.get() + ")",
            "a restarting node normally rejoins within a minute; if it does not, look at the pods (`kubectl -n "
                + namespace + " get pods`, their logs) and `kubeyard es status`");
      }
      sleep(pause);
      pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EsException("interrupted while waiting for a ready Elasticsearch pod", "run the command again");
    }
  }

  @Override
  public String describe() {
    return k8s.server() + prefix;
  }
}
