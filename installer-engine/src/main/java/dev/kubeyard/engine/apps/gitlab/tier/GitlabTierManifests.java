package dev.kubeyard.engine.apps.gitlab.tier;

import dev.kubeyard.engine.apps.elasticsearch.manifest.Manifest;
import java.util.ArrayList;
import java.util.List;

/**
 * Every object of GitLab's own tier but its generated Secrets ({@link TierSecrets}), in apply order:
 * configuration and Services first, then the migrations Job, then the pods that wait for it (ADR 44).
 */
public final class GitlabTierManifests {
  private GitlabTierManifests() {}

  public static List<Manifest> render(GitlabTier t) {
    List<Manifest> out = new ArrayList<>();
    out.add(new Manifest("namespace.yaml", TierRouting.namespace(t)));
    out.add(new Manifest("configmap-rails.yaml", TierConfig.rails(t)));
    out.add(new Manifest("configmap-workhorse.yaml", TierConfig.workhorse(t)));
    out.add(new Manifest("configmap-gitaly.yaml", TierConfig.gitaly(t)));
    out.add(new Manifest("configmap-shell.yaml", TierConfig.shell(t)));
    out.add(new Manifest("service-webservice.yaml", TierRouting.webservice(t)));
    out.add(new Manifest("service-shell.yaml", TierRouting.shell(t)));
    out.add(new Manifest("service-gitaly.yaml", TierRouting.gitaly(t)));
    out.add(new Manifest("statefulset-gitaly.yaml", GitWorkloads.gitaly(t)));
    out.add(new Manifest("job-migrations.yaml", RailsWorkloads.migrations(t)));
    for (String component : List.of(TierNames.WEBSERVICE, TierNames.SIDEKIQ, TierNames.SHELL)) {
      out.add(new Manifest("poddisruptionbudget-" + TierNames.component(component) + ".yaml",
          TierRouting.budget(component, t)));
    }
    out.add(new Manifest("deployment-webservice.yaml", RailsWorkloads.webservice(t)));
    out.add(new Manifest("deployment-sidekiq.yaml", RailsWorkloads.sidekiq(t)));
    out.add(new Manifest("deployment-shell.yaml", GitWorkloads.shell(t)));
    out.add(new Manifest("deployment-toolbox.yaml", RailsWorkloads.toolbox(t)));
    out.add(new Manifest("ingress.yaml", TierRouting.ingress(t)));
    out.add(new Manifest("ingressroutetcp-ssh.yaml", TierRouting.sshRoute(t)));
    return out;
  }
}
