package dev.kubeyard.desktop.wizard.hosts;

import dev.kubeyard.desktop.fx.Threads;
import dev.kubeyard.desktop.wizard.SpecValidation;
import dev.kubeyard.desktop.wizard.draft.ClusterDraft;
import dev.kubeyard.desktop.wizard.draft.HostDraft;
import dev.kubeyard.model.spec.Role;
import dev.kubeyard.model.validate.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The hosts table: add, remove, import from CSV, edit the selected host. */
public final class HostsViewModel {
  private final ClusterDraft draft;
  private final SpecValidation validation;
  private final Threads threads;
  private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", -1);
  private final ObservableList<String> importErrors = FXCollections.observableArrayList();
  private final StringProperty importSummary = new SimpleStringProperty(this, "importSummary", "");

  private final ObjectBinding<HostDraft> selectedHost;
  private final ConnectionTest connectionTest;
  private final java.util.function.Supplier<Path> knownHosts;

  /** @param knownHosts where accepted host keys are recorded (beside cluster.yaml, as the CLI) */
  public HostsViewModel(ClusterDraft draft, SpecValidation validation, Threads threads,
      java.util.function.Supplier<Path> knownHosts) {
    this.draft = draft;
    this.validation = validation;
    this.threads = threads;
    this.knownHosts = knownHosts;
    this.connectionTest = new ConnectionTest(threads);
    this.selectedHost = Bindings.createObjectBinding(() -> selected.get() >= 0 && selected.get() < draft.hosts.size()
        ? draft.hosts.get(selected.get()) : null, selected, draft.hosts);
  }

  public ObservableList<HostDraft> hosts() {
    return draft.hosts;
  }

  public IntegerProperty selectedProperty() {
    return selected;
  }

  /** One instance, held here: a binding only listened to (not bound) would be garbage collected. */
  public ObjectBinding<HostDraft> selectedHost() {
    return selectedHost;
  }

  /** The spec path of {@code field} on the selected host, e.g. {@code hosts[2].address}. */
  public StringBinding pathOf(String field) {
    return Bindings.createStringBinding(() -> "hosts[" + selected.get() + "]." + field, selected);
  }

  public void addHost() {
    HostDraft h = new HostDraft();
    h.name.set(freeName());
    h.role(Role.NODE).set(true);
    draft.hosts.add(h);
    selected.set(draft.hosts.size() - 1);
  }

  private String freeName() {
    Set<String> used = new HashSet<>();
    draft.hosts.forEach(h -> used.add(h.name.get()));
    int n = draft.hosts.size() + 1;
    while (used.contains("host" + n)) {
      n++;
    }
    return "host" + n;
  }

  public void removeSelected() {
    int i = selected.get();
    if (i >= 0 && i < draft.hosts.size()) {
      draft.hosts.remove(i);
      selected.set(Math.min(i, draft.hosts.size() - 1));
    }
  }

  /** Appends the hosts of a CSV text; lines that cannot be read are listed and skipped. */
  public void importCsv(String text) {
    HostCsv.Parsed parsed = HostCsv.parse(text);
    draft.hosts.addAll(parsed.hosts());
    importErrors.setAll(parsed.errors());
    importSummary.set(parsed.hosts().size() + "/" + (parsed.hosts().size() + parsed.errors().size()));
    if (!parsed.hosts().isEmpty()) {
      selected.set(draft.hosts.size() - parsed.hosts().size());
    }
  }

  public void importFile(Path csv) {
    threads.run(() -> Files.readString(csv), this::importCsv,
        e -> importErrors.setAll(List.of(csv + ": " + e.getMessage())));
  }

  public ObservableList<String> importErrors() {
    return importErrors;
  }

  /** "imported/lines" of the last import, empty before any. */
  public StringProperty importSummaryProperty() {
    return importSummary;
  }

  /** The problems of one table row, for its highlight. */
  public List<Problem> problemsOfRow(int index) {
    String prefix = "hosts[" + index + "]";
    return validation.problems().stream()
        .filter(p -> p.path().equals(prefix) || p.path().startsWith(prefix + ".")).toList();
  }

  /** Problems about the host list as a whole (role counts), not one host. */
  public ObservableList<Problem> listProblems() {
    return validation.matching(p -> p.path().equals("hosts") || p.path().startsWith("hosts[*]"));
  }

  /** Logs in to the selected host over SSH; an unknown host key waits for {@link ConnectionTest#accept()}. */
  public void testConnection() {
    HostDraft h = selectedHost.get();
    if (h != null) {
      connectionTest.run(validation.specProperty().get(), h.name.get(), knownHosts.get());
    }
  }

  public ConnectionTest connectionTest() {
    return connectionTest;
  }

  public Path knownHosts() {
    return knownHosts.get();
  }
}
