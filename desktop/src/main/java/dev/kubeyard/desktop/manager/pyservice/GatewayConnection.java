package dev.kubeyard.desktop.manager.pyservice;

import dev.kubeyard.engine.apps.pyservice.GatewayEndpoint;
import dev.kubeyard.engine.apps.pyservice.GatewayProbe;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.k8s.AppliedObject;
import dev.kubeyard.engine.k8s.pyservice.GatewayDeployer;
import dev.kubeyard.engine.k8s.pyservice.GatewayStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** The Python service of the cluster a kubeconfig reaches, and its URL through the VIP; called in the background only. */
public interface GatewayConnection {
  GatewayStatus status(ClusterFacts facts);

  List<AppliedObject> deploy(ClusterFacts facts, Consumer<AppliedObject> progress);

  /** GET /api/status with the read token (or /readyz without one) through the VIP as a client would, verified against the cluster CA. */
  GatewayProbe.Result check(ClusterFacts facts);

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

        /**
         * Verified against the CA of the plan folder the kubeconfig came from (plan writes admin.kubeconfig
         * beside pki/), or the administrator's own ingress certificate when the spec names one.
         */
        @Override
        public GatewayProbe.Result check(ClusterFacts facts) {
          Path plan = kubeconfig.toAbsolutePath().getParent();
          return GatewayEndpoint.of(facts).check(GatewayEndpoint.trustFor(facts, plan == null ? Path.of(".") : plan),
              Duration.ofSeconds(10), deployer.readToken(facts));
        }
      };
    };
  }
}
