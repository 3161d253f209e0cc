package dev.kubeyard.desktop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The desktop verifies and plans from bundles but never builds one (docs/adr/0023-bundle-packages.md). */
class DesktopBuildsNoBundlesTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.kubeyard.desktop");

  @Test
  void theDesktopDependsOnNoBundleBuilder() {
    noClasses().should().dependOnClassesThat().resideInAPackage("dev.kubeyard.engine.bundle.build..")
        .check(CLASSES);
  }
}
