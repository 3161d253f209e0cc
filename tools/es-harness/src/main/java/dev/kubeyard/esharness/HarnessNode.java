package dev.kubeyard.esharness;

import java.util.List;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.Node;
import org.elasticsearch.transport.Netty4Plugin;

/**
 * An Elasticsearch node built from the Maven Central jars. The distribution loads Netty from its
 * modules folder; here the plugin class is handed to Node's protected constructor instead.
 * Bootstrap (root refusal, bootstrap checks, security manager) is not used: this is a test server.
 */
final class HarnessNode extends Node {
  HarnessNode(Environment environment) {
    super(environment, List.of(Netty4Plugin.class), true);
  }
}
