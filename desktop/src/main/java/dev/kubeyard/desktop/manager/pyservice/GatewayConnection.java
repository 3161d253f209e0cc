package dev.kubeyard.desktop.manager.pyservice;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.k8s.pyservice.AppliedObject;
import dev.kubeyard.engine.k8s.pyservice.GatewayDeployer;
import dev.kubeyard.engine.k8s.pyservice.GatewayStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** The Python service of the cluster a kubeconfig reaches; called in the background only. */
public interface GatewayConnection {
  GatewayStatus status(ClusterFacts facts);

  List<AppliedObject> deploy(ClusterFacts facts, Consumer<AppliedObject> progress);

  /** The app's: the engine's deployer through kubernetes-client/java. */
  static Function<Path, GatewayConnection> kubernetes() {
    return kubeconfig -> {
      GatewayDeployer deployer = GatewayDeployer.fromKubeconfig(kubeconfig);
      return new GatewayConnection() {
        @Override
        public GatewayStatus status(ClusterFacts facts) {
          return deployer.status(facts);
        }

        @Override
        public List<AppliedObject> deploy(ClusterFacts facts, Consumer<AppliedObject> progress) {
          return deployer.deploy(facts, progress);
        }
      };
    };
  }
}
