package dev.kubeyard.esharness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.elasticsearch.Version;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.http.HttpServerTransport;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;

/**
 * Starts one node, prints {@code es-harness started ... http=127.0.0.1:PORT} once it serves, and
 * closes it cleanly on SIGTERM/SIGINT (a shutdown hook), so the data folder stays reusable.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    NodeOptions options;
    try {
      options = NodeOptions.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    run(options.home, options.settings);
  }

  /** Starts a node with these settings under {@code home} and serves until SIGTERM/SIGINT. */
  static void run(Path home, Settings settings) throws Exception {
    Path config = home.resolve("config");
    Files.createDirectories(config);
    Files.createDirectories(home.resolve("plugins"));
    Files.createDirectories(home.resolve("modules"));
    String nodeName = settings.get("node.name");
    Environment env = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), config, () -> nodeName);

    Node node = new HarnessNode(env);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        node.close();
        node.awaitClose(20, TimeUnit.SECONDS);
        System.out.println("es-harness stopped name=" + nodeName);
      } catch (Exception e) {
        e.printStackTrace();
      } finally {
        stopped.countDown();
      }
    }, "es-harness-shutdown"));

    node.start();
    HttpServerTransport http = node.injector().getInstance(HttpServerTransport.class);
    System.out.println("es-harness started version=" + Version.CURRENT + " name=" + nodeName
        + " cluster=" + settings.get("cluster.name")
        + " http=" + http.boundAddress().publishAddress());
    System.out.flush();
    stopped.await(); // the node's threads serve; main waits for the shutdown hook
  }
}
