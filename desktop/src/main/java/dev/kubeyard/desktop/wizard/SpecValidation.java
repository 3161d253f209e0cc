package dev.kubeyard.desktop.wizard;

import dev.kubeyard.desktop.wizard.draft.ClusterDraft;
import dev.kubeyard.engine.pipeline.PlanPipeline;
import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.validate.Problem;
import dev.kubeyard.model.validate.ValidSpec;
import dev.kubeyard.model.validate.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * Runs the model's {@link Validator} after every edit of the draft (it takes well under a
 * millisecond) and keeps the problems where pages and fields can bind to them. A spec naming its own
 * ingress certificate also gets the engine's check of those files (two small reads and a signature).
 */
public final class SpecValidation {
  private final ClusterDraft draft;
  private final ObservableList<Problem> problems = FXCollections.observableArrayList();
  private final ObjectProperty<ClusterSpec> spec = new SimpleObjectProperty<>(this, "spec");
  private ValidSpec validSpec;

  public SpecValidation(ClusterDraft draft) {
    this.draft = draft;
    draft.revisionProperty().addListener(o -> revalidate());
    revalidate();
  }

  public void revalidate() {
    ClusterDraft.Built built = draft.build();
    List<Problem> all = new ArrayList<>(built.problems());
    Set<String> unconvertible = built.problems().stream().map(Problem::path).collect(Collectors.toSet());
    try {
      Validator.Result result = Validator.validate(built.spec());
      result.problems().stream().filter(p -> !unconvertible.contains(p.path())).forEach(all::add);
      validSpec = result.valid() && unconvertible.isEmpty() ? result.validSpec() : null;
      if (validSpec != null && validSpec.spec().pki().ingressCertificate() != null) {
        // the engine's own check of the administrator's certificate, as plan and apply will run it
        List<Problem> certificate = PlanPipeline.ingressCertificateProblems(validSpec);
        all.addAll(certificate);
        validSpec = certificate.isEmpty() ? validSpec : null;
      }
      spec.set(result.spec());
    } catch (RuntimeException e) {
      validSpec = null;
      all.add(Problem.of("(spec)", null, "form.unchecked", e));
      spec.set(built.spec());
    }
    problems.setAll(all);
  }

  public ObservableList<Problem> problems() {
    return problems;
  }

  /** The spec with defaults applied, as it would be saved (valid or not). */
  public ReadOnlyObjectProperty<ClusterSpec> specProperty() {
    return spec;
  }

  /**
   * The spec as the validator accepted it, for the engine's plan pipeline (which does not validate again);
   * empty while any problem is open.
   */
  public Optional<ValidSpec> validSpec() {
    return Optional.ofNullable(validSpec);
  }

  public BooleanBinding valid() {
    return Bindings.isEmpty(problems);
  }

  public FilteredList<Problem> on(WizardStep step) {
    return problems.filtered(p -> WizardStep.of(p) == step);
  }

  public FilteredList<Problem> matching(Predicate<Problem> which) {
    return problems.filtered(which);
  }

  /** The problems on exactly {@code path}, which may change (e.g. with the selected host). */
  public ObservableList<Problem> at(ObservableValue<String> path) {
    FilteredList<Problem> list = new FilteredList<>(problems);
    list.predicateProperty().bind(Bindings.createObjectBinding(
        () -> p -> p.path().equals(path.getValue()), path));
    return list;
  }
}
