package dev.kubeyard.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.model.spec.ContainerRuntime;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.OsFamily;
import dev.kubeyard.model.spec.Role;
import java.util.Set;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

/** Dependencies point one way: model, then engine, then desktop; SSH and the Kubernetes client stay in their packages. */
class EngineArchitectureTest {
  /** Main classes only; BundleArchitectureTest checks the same import. */
  static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.kubeyard");

  @Test
  void theImportSeesBothModelAndEngine() {
    assertThat(CLASSES.stream().map(c -> c.getPackageName()))
        .anyMatch(p -> p.startsWith("dev.kubeyard.model")).anyMatch(p -> p.startsWith("dev.kubeyard.engine"));
  }

  @Test
  void theEngineHasNoUi() {
    noClasses().that().resideInAPackage("dev.kubeyard.engine..")
        .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "dev.kubeyard.desktop..")
        .check(CLASSES);
  }

  @Test
  void jschStaysInTheTransportPackage() {
    noClasses().that().resideOutsideOfPackage("dev.kubeyard.engine.transport..")
        .should().dependOnClassesThat().resideInAPackage("com.jcraft..")
        .allowEmptyShould(true).check(CLASSES);
  }

  @Test
  void theKubernetesClientStaysInTheK8sPackage() {
    noClasses().that().resideOutsideOfPackage("dev.kubeyard.engine.k8s..")
        .should().dependOnClassesThat().resideInAPackage("io.kubernetes..")
        .allowEmptyShould(true).check(CLASSES);
  }

  @Test
  void programsOfThisMachineStartOnlyThroughLocalProcess() {
    noClasses().that().resideOutsideOfPackage("dev.kubeyard.engine.local..")
        .should().dependOnClassesThat().haveFullyQualifiedName(ProcessBuilder.class.getName())
        .check(CLASSES);
  }

  /** files.Sha256 is the one SHA-256 helper; a release that publishes only SHA-512 needs its own digest. */
  @Test
  void digestsComeFromTheOneSha256Helper() {
    noClasses().that().resideOutsideOfPackage("dev.kubeyard.engine.files..")
        .and().doNotHaveFullyQualifiedName("dev.kubeyard.engine.bundle.build.ResumableDownload")
        .should().callMethod(MessageDigest.class, "getInstance", String.class)
        .check(CLASSES);
  }

  /** Batik's SVG generator draws topology.svg and nothing else (ADR 26). */
  @Test
  void svgDrawingStaysInTheTopologyPackage() {
    noClasses().that().resideOutsideOfPackage("dev.kubeyard.engine.topology..")
        .should().dependOnClassesThat().resideInAPackage("org.apache.batik..")
        .check(CLASSES);
  }

  @Test
  void renderingNeverReadsRawYaml() {
    noClasses().that().resideInAPackage("dev.kubeyard.engine.render..")
        .should().dependOnClassesThat().haveFullyQualifiedName("dev.kubeyard.model.spec.SpecYaml")
        .check(CLASSES);
  }

  /** What render, pki, plan and topology may take from the spec's package: a host, its roles and two enums. */
  private static final Set<String> SPEC_VALUES_THE_FACTS_HAND_OUT = Set.of(HostSpec.class.getName(),
      Role.class.getName(), OsFamily.class.getName(), ContainerRuntime.class.getName());

  @Test
  void renderPkiAndPlanSeeTheSpecOnlyThroughTheFacts() {
    DescribedPredicate<JavaClass> rawSpec = DescribedPredicate.describe(
        "are the raw spec (ClusterSpec, its sections, Defaults, SpecYaml); HostSpec, Role, OsFamily and"
            + " ContainerRuntime, which the facts hand out, are allowed",
        c -> c.getPackageName().equals("dev.kubeyard.model.spec")
            && !SPEC_VALUES_THE_FACTS_HAND_OUT.contains(c.getName()));
    noClasses().that().resideInAnyPackage("dev.kubeyard.engine.render..", "dev.kubeyard.engine.pki..",
            "dev.kubeyard.engine.plan..", "dev.kubeyard.engine.topology..")
        .should().dependOnClassesThat(rawSpec)
        .because("ClusterFacts derives every value once; a renderer reading the spec would derive it again")
        .check(CLASSES);
  }

  @Test
  void onlyTheBundleCompletenessCheckTakesTheWholeSpecFromTheFacts() {
    noClasses().that().resideOutsideOfPackages("dev.kubeyard.engine.bundle..", "dev.kubeyard.engine.facts..")
        .should().callMethod(ClusterFacts.class, "spec")
        .because("the facts name what their readers need; a new need becomes a new fact")
        .check(CLASSES);
  }

  @Test
  void theModelKnowsNothingOfTheEngine() {
    noClasses().that().resideInAPackage("dev.kubeyard.model..")
        .should().dependOnClassesThat().resideInAPackage("dev.kubeyard.engine..")
        .check(CLASSES);
  }

  /** Plans are made in one place: every other caller goes through {@code pipeline.PlanPipeline} (ADR 21). */
  @Test
  void onlyThePipelineIssuesThePkiAndWritesAPlan() {
    noClasses().that().resideOutsideOfPackages("dev.kubeyard.engine.pipeline..", "dev.kubeyard.engine.pki..",
            "dev.kubeyard.engine.plan..", "dev.kubeyard.engine.bundle..")
        .should().dependOnClassesThat().haveFullyQualifiedName("dev.kubeyard.engine.pki.ClusterPki")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.kubeyard.engine.plan.PlanBuilder")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.kubeyard.engine.plan.InstallSequence")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.kubeyard.engine.plan.BundleForPlan")
        .check(CLASSES);
  }
}
