package dev.kubeyard.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/**
 * The bundle's three jobs stay apart (docs/adr/0023-bundle-packages.md): building (Go, apt, Jib, HTTP)
 * is reached only from the 'bundle build' and 'bundle fetch' commands; verifying and planning read
 * bundles through the format package and never pull the builders in.
 */
class BundleArchitectureTest {
  private static final String FORMAT = "dev.kubeyard.engine.bundle";
  private static final String BUILD = "dev.kubeyard.engine.bundle.build..";
  private static final String VERIFY = "dev.kubeyard.engine.bundle.verify..";

  private static final JavaClasses CLASSES = EngineArchitectureTest.CLASSES;

  @Test
  void theImportSeesEveryBundlePackage() {
    assertThat(CLASSES.stream().map(c -> c.getPackageName()))
        .contains(FORMAT, "dev.kubeyard.engine.bundle.build", "dev.kubeyard.engine.bundle.verify");
  }

  @Test
  void onlyTheBundleCommandsUseTheBuilders() {
    noClasses().that().resideOutsideOfPackages(BUILD, "dev.kubeyard.engine.cli..")
        .should().dependOnClassesThat().resideInAPackage(BUILD)
        .check(CLASSES);
  }

  @Test
  void theFormatKnowsNeitherBuildingNorVerifyingNorPlans() {
    noClasses().that().resideInAPackage(FORMAT)
        .should().dependOnClassesThat().resideInAnyPackage(BUILD, VERIFY, "dev.kubeyard.engine.plan..",
            "dev.kubeyard.engine.run..")
        .check(CLASSES);
  }

  @Test
  void verifyingNeverBuilds() {
    noClasses().that().resideInAPackage(VERIFY)
        .should().dependOnClassesThat().resideInAnyPackage(BUILD, "dev.kubeyard.engine.plan..")
        .check(CLASSES);
  }

  @Test
  void buildingNeverVerifiesOrPlans() {
    noClasses().that().resideInAPackage(BUILD)
        .should().dependOnClassesThat().resideInAnyPackage(VERIFY, "dev.kubeyard.engine.plan..",
            "dev.kubeyard.engine.run..")
        .check(CLASSES);
  }
}
