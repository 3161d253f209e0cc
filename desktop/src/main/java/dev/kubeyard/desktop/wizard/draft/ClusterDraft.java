package dev.kubeyard.desktop.wizard.draft;

import dev.kubeyard.model.spec.AppsSpec;
import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.spec.Defaults;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.Metadata;
import dev.kubeyard.model.spec.OsFamily;
import dev.kubeyard.model.spec.IngressCertificateSpec;
import dev.kubeyard.model.spec.PkiSpec;
import dev.kubeyard.model.validate.Problem;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The cluster being described, as properties the wizard pages bind to (cryptomator's shared wizard
 * state). {@link #build()} turns it into a {@link ClusterSpec}; {@link #revisionProperty()} moves on
 * every edit so validation can follow.
 */
public final class ClusterDraft {
  public final StringProperty name = new SimpleStringProperty("");
  public final KubernetesDraft kubernetes = new KubernetesDraft();
  public final LoadBalancerDraft loadBalancer = new LoadBalancerDraft();
  public final WindowsDraft windows = new WindowsDraft();
  public final ObservableList<HostDraft> hosts = FXCollections.observableArrayList(HostDraft::observables);
  public final ElasticsearchDraft elasticsearch = new ElasticsearchDraft();
  public final SqlServerDraft sqlserver = new SqlServerDraft();
  public final GitlabDraft gitlab = new GitlabDraft();
  public final PythonServiceDraft pythonService = new PythonServiceDraft();
  /** The offline bundle the install will use; not part of cluster.yaml. */
  public final StringProperty bundlePath = new SimpleStringProperty("");
  /** pki.ingressCertificate: the administrator's own certificate for the ingress; both blank for the cluster CA's. */
  public final StringProperty ingressCertificateFile = new SimpleStringProperty("");
  public final StringProperty ingressKeyFile = new SimpleStringProperty("");
  private final LongProperty revision = new SimpleLongProperty();
  private PkiSpec pki;
  private boolean loading;

  /** What the draft holds as a spec, and the fields that could not be turned into spec values. */
  public record Built(ClusterSpec spec, List<Problem> problems) {}

  public ClusterDraft() {
    List<Observable> all = new ArrayList<>(List.of(name, hosts, ingressCertificateFile, ingressKeyFile));
    all.addAll(kubernetes.observables());
    all.addAll(loadBalancer.observables());
    all.addAll(windows.observables());
    all.addAll(elasticsearch.observables());
    all.addAll(sqlserver.observables());
    all.addAll(gitlab.observables());
    all.addAll(pythonService.observables());
    for (Observable o : all) {
      if (o instanceof ObservableValue<?> value) {
        value.addListener((v, old, now) -> changed()); // fires on every change, read or not
      } else {
        o.addListener(x -> changed()); // the host list: fires on every change
      }
    }
    load(Drafts.blankSpec("prod"));
  }

  private void changed() {
    if (!loading) {
      revision.set(revision.get() + 1);
    }
  }

  public ReadOnlyLongProperty revisionProperty() {
    return revision;
  }

  /** Replaces everything with {@code raw}, defaults filled in. */
  public void load(ClusterSpec raw) {
    ClusterSpec s = Defaults.apply(raw);
    loading = true;
    try {
      name.set(s.metadata().name());
      kubernetes.load(s.kubernetes(), s.network());
      loadBalancer.load(s.loadBalancer());
      windows.load(s.windows());
      hosts.setAll(s.hosts().stream().map(HostDraft::of).toList());
      AppsSpec apps = s.apps();
      elasticsearch.load(apps == null ? null : apps.elasticsearch());
      sqlserver.load(apps == null ? null : apps.sqlserver());
      gitlab.load(apps == null ? null : apps.gitlab());
      pythonService.load(apps == null ? null : apps.pythonService());
      pki = s.pki();
      IngressCertificateSpec own = pki.ingressCertificate();
      ingressCertificateFile.set(own == null ? "" : Conversion.show(own.certificateFile()));
      ingressKeyFile.set(own == null ? "" : Conversion.show(own.keyFile()));
    } finally {
      loading = false;
    }
    changed();
  }

  public boolean anyWindowsHost() {
    return hosts.stream().anyMatch(h -> h.os.get() == OsFamily.WINDOWS);
  }

  public Built build() {
    Conversion c = new Conversion();
    List<HostSpec> hostSpecs = new ArrayList<>();
    for (int i = 0; i < hosts.size(); i++) {
      hostSpecs.add(hosts.get(i).toSpec(i, c));
    }
    AppsSpec apps = new AppsSpec(elasticsearch.toSpec(c), sqlserver.toSpec(c), gitlab.toSpec(c),
        pythonService.toSpec(c));
    boolean anyApp = apps.elasticsearch() != null || apps.sqlserver() != null || apps.gitlab() != null
        || apps.pythonService() != null;
    ClusterSpec spec = new ClusterSpec(ClusterSpec.API_VERSION, ClusterSpec.KIND,
        new Metadata(Conversion.required(name.get())), kubernetes.kubernetes(), loadBalancer.toSpec(c),
        kubernetes.network(c), pki(), windows.toSpec(anyWindowsHost()), hostSpecs, anyApp ? apps : null);
    return new Built(spec, c.problems());
  }

  /** The loaded pki section with the page's certificate files: none when both are blank. */
  private PkiSpec pki() {
    String certificate = Conversion.optional(ingressCertificateFile.get());
    String key = Conversion.optional(ingressKeyFile.get());
    IngressCertificateSpec own = certificate == null && key == null ? null : new IngressCertificateSpec(certificate, key);
    return pki == null ? null : new PkiSpec(pki.keyAlgorithm(), pki.caValidityDays(), pki.certValidityDays(), own);
  }
}
