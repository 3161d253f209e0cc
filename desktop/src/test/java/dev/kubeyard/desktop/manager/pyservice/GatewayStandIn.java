package dev.kubeyard.desktop.manager.pyservice;

import dev.kubeyard.engine.apps.pyservice.GatewayEndpoint;
import dev.kubeyard.engine.apps.pyservice.GatewayProbe;
import dev.kubeyard.engine.apps.pyservice.PythonServiceManifests;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.k8s.ClusterStatusException;
import dev.kubeyard.engine.k8s.AppliedObject;
import dev.kubeyard.engine.k8s.AppliedObject.Outcome;
import dev.kubeyard.engine.k8s.pyservice.GatewayStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A STAND-IN cluster for the tab's logic: it remembers what was deployed in memory. The real deployer
 * runs against the bundle's kube-apiserver in the engine's GatewayDeployerTest.
 */
public final class GatewayStandIn implements GatewayConnection {
  private static final Pattern KIND = Pattern.compile("(?m)^kind: (\\w+)$");
  private static final Pattern NAME = Pattern.compile("(?m)^  name: (\\S+)$");
  private static final Pattern NAMESPACE = Pattern.compile("(?m)^  namespace: (\\S+)$");
  public boolean reachable = true;
  public boolean deployed;
  public boolean secret;
  public int ready;
  public int reads;
  /** What the next check answers; the hosts the checks asked for. */
  public GatewayProbe.Result answer = new GatewayProbe.Result("https://gateway.example.com/readyz", 200,
      "{\"status\":\"ready\",\"dependencies\":{\"elasticsearch\":{\"status\":\"up\"}}}", "");
  public final List<String> checked = new ArrayList<>();

  @Override
  public GatewayProbe.Result check(ClusterFacts facts) {
    checked.add(GatewayEndpoint.of(facts).host() + " via " + GatewayEndpoint.of(facts).vip());
    return answer;
  }

  @Override
  public GatewayStatus status(ClusterFacts facts) {
    check();
    reads++;
    var spec = facts.apps().pythonService();
    return deployed ? new GatewayStatus(spec.namespace(), true, spec.replicas(), ready, spec.replicas(),
        spec.image(), secret, spec.host(), ready > 0 ? "10.213.56.3" : "", true)
        : GatewayStatus.notDeployed(spec.namespace(), spec.host());
  }

  @Override
  public List<AppliedObject> deploy(ClusterFacts facts, Consumer<AppliedObject> progress) {
    check();
    Map<String, String> files = PythonServiceManifests.render(facts);
    List<AppliedObject> applied = new ArrayList<>();
    for (String file : PythonServiceManifests.APPLY_ORDER) {
      if (files.containsKey(file)) {
        String yaml = files.get(file);
        Matcher ns = NAMESPACE.matcher(yaml);
        AppliedObject a = new AppliedObject(find(KIND, yaml), ns.find() ? ns.group(1) : "", find(NAME, yaml),
            deployed ? Outcome.UPDATED : Outcome.CREATED, "");
        applied.add(a);
        progress.accept(a);
      }
    }
    deployed = true;
    return applied;
  }

  private static String find(Pattern p, String yaml) {
    Matcher m = p.matcher(yaml);
    return m.find() ? m.group(1) : "";
  }

  private void check() {
    if (!reachable) {
      throw new ClusterStatusException("cannot read Deployment platform/platform-gateway at https://10.213.56.10:8443: "
          + "Connection refused", "check that the cluster's API is reachable from here and deploy again", null);
    }
  }
}
