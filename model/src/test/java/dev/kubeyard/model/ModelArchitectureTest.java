package dev.kubeyard.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The model is the bottom layer: no UI, no SSH, no Kubernetes client, no rendering, no engine. */
class ModelArchitectureTest {
  private static final JavaClasses MODEL = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.kubeyard.model");

  @Test
  void theModelKnowsNothingOfUiSshKubernetesClientsRenderingOrTheEngine() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "javafx..", "org.controlsfx..", "com.jcraft..", "io.kubernetes..", "dev.kubeyard.engine..",
            "dev.kubeyard.desktop..", "com.github.mustachejava..", "org.bouncycastle..")
        .check(MODEL);
  }
}
