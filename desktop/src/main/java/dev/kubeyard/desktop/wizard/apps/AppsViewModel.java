package dev.kubeyard.desktop.wizard.apps;

import dev.kubeyard.desktop.wizard.draft.ClusterDraft;
import dev.kubeyard.desktop.wizard.draft.ElasticsearchDraft;
import dev.kubeyard.desktop.wizard.draft.GitlabDraft;
import dev.kubeyard.desktop.wizard.draft.PythonServiceDraft;
import dev.kubeyard.desktop.wizard.draft.SqlServerDraft;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.StringProperty;

/** The platform's applications: which ones the cluster gets, with their options from the model's AppsSpec. */
public final class AppsViewModel {
  private final ClusterDraft draft;

  public AppsViewModel(ClusterDraft draft) {
    this.draft = draft;
  }

  public ElasticsearchDraft elasticsearch() {
    return draft.elasticsearch;
  }

  public SqlServerDraft sqlserver() {
    return draft.sqlserver;
  }

  public GitlabDraft gitlab() {
    return draft.gitlab;
  }

  public PythonServiceDraft pythonService() {
    return draft.pythonService;
  }

  /** The administrator's own ingress certificate (PEM), blank for the one the cluster CA issues. */
  public StringProperty ingressCertificateFile() {
    return draft.ingressCertificateFile;
  }

  /** Its private key (unencrypted PEM). */
  public StringProperty ingressKeyFile() {
    return draft.ingressKeyFile;
  }

  public IntegerBinding includedCount() {
    return Bindings.createIntegerBinding(() -> (draft.elasticsearch.included.get() ? 1 : 0)
            + (draft.sqlserver.included.get() ? 1 : 0) + (draft.gitlab.included.get() ? 1 : 0)
            + (draft.pythonService.included.get() ? 1 : 0),
        draft.elasticsearch.included, draft.sqlserver.included, draft.gitlab.included, draft.pythonService.included);
  }
}
