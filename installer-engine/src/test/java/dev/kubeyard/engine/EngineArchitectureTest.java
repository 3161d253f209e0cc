package dev.kubeyard.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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

  @Test
  void renderingNeverReadsRawYaml() {
    noClasses().that().resideInAPackage("dev.kubeyard.engine.render..")
        .should().dependOnClassesThat().haveFullyQualifiedName("dev.kubeyard.model.spec.SpecYaml")
        .check(CLASSES);
  }

  @Test
  void theModelKnowsNothingOfTheEngine() {
    noClasses().that().resideInAPackage("dev.kubeyard.model..")
        .should().dependOnClassesThat().resideInAPackage("dev.kubeyard.engine..")
        .check(CLASSES);
  }
}
