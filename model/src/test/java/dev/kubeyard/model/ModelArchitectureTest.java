package dev.kubeyard.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The model is the bottom layer: no UI, no SSH, no Kubernetes client, no rendering. */
@AnalyzeClasses(packages = "dev.kubeyard.model", importOptions = ImportOption.DoNotIncludeTests.class)
class ModelArchitectureTest {
  @ArchTest
  static final ArchRule modelKnowsNothingOfUiSshOrTheEngine = noClasses()
      .should().dependOnClassesThat().resideInAnyPackage(
          "javafx..", "org.controlsfx..", "com.jcraft..", "io.kubernetes..", "dev.kubeyard.engine..",
          "dev.kubeyard.desktop..", "com.github.mustachejava..", "org.bouncycastle..");
}
