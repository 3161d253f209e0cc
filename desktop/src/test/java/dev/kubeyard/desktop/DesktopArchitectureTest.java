package dev.kubeyard.desktop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** MVVM and threading rules of the desktop (JabRef's style): held by ArchUnit, not by review. */
class DesktopArchitectureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.kubeyard.desktop");

  @Test
  void theImportSeesTheDesktopClasses() {
    assertThat(CLASSES.stream().map(c -> c.getSimpleName())).contains("FxThreadAdapter", "WizardViewModel");
  }

  /** The desktop verifies and plans from bundles but never builds one (docs/adr/0023-bundle-packages.md). */
  @Test
  void theDesktopDependsOnNoBundleBuilder() {
    noClasses().should().dependOnClassesThat().resideInAPackage("dev.kubeyard.engine.bundle.build..")
        .check(CLASSES);
  }

  @Test
  void onlyTheFxThreadAdapterHandsWorkToTheFxThread() {
    noClasses().that().doNotHaveFullyQualifiedName("dev.kubeyard.desktop.fx.FxThreadAdapter")
        .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
        .check(CLASSES);
  }

  @Test
  void viewModelsAndDraftsUseNoSceneGraph() {
    noClasses().that().haveSimpleNameEndingWith("ViewModel").or().resideInAPackage("..wizard.draft..")
        .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "org.controlsfx..")
        .check(CLASSES);
  }

  @Test
  void theDesktopReachesKubernetesOnlyThroughTheEnginesStatusApi() {
    noClasses().should().dependOnClassesThat().resideInAPackage("io.kubernetes..").check(CLASSES);
  }
}
