package dev.kubeyard.desktop.manager.gitlab;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.k8s.AppliedObject;
import dev.kubeyard.engine.k8s.gitlab.DataTierDeployer;
import dev.kubeyard.engine.k8s.gitlab.DataTierStatus;
import dev.kubeyard.engine.pki.PkiMaterial;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** GitLab's data tier on the cluster a kubeconfig reaches (ADR 42, 43); called in the background only. */
public interface GitlabConnection {
  DataTierStatus status(ClusterFacts facts);

  /** Creates or updates every object of the data tier; {@code pki} is the plan's pki/ folder (PostgreSQL's certificate). */
  List<AppliedObject> deploy(ClusterFacts facts, Path pki, Consumer<AppliedObject> progress);

  /** The app's: the engine's deployer through kubernetes-client/java, as {@code kubeyard gitlab deploy|status}. */
  static Function<Path, GitlabConnection> kubernetes() {
    return kubeconfig -> {
      DataTierDeployer deployer = DataTierDeployer.fromKubeconfig(kubeconfig);
      return new GitlabConnection() {
        @Override
        public DataTierStatus status(ClusterFacts facts) {
          return deployer.status(facts);
        }

        @Override
        public List<AppliedObject> deploy(ClusterFacts facts, Path pki, Consumer<AppliedObject> progress) {
          return deployer.deploy(facts, PkiMaterial.load(pki), new SecureRandom(), progress);
        }
      };
    };
  }
}
