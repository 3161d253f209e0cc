package dev.kubeyard.desktop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
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

  /**
   * A view shows what its view model hands it: engine records and enums (a node's status, an install
   * event) are data it may render, but an engine class that does work (a verifier, an executor, a
   * deployer, a transport) is reached only through the view model, where it runs off the FX thread.
   */
  @Test
  void viewsReachTheEngineOnlyThroughTheirViewModels() {
    DescribedPredicate<JavaClass> engineWork = new DescribedPredicate<>("engine classes that do work (not records, enums or sealed event types)") {
      @Override
      public boolean test(JavaClass c) {
        return c.getPackageName().startsWith("dev.kubeyard.engine") && !c.isRecord() && !c.isEnum()
            && !(c.isInterface() && c.reflect().isSealed());
      }
    };
    noClasses().that().haveSimpleNameEndingWith("View")
        .should().dependOnClassesThat(engineWork)
        .check(CLASSES);
  }

  @Test
  void theDesktopReachesKubernetesOnlyThroughTheEnginesStatusApi() {
    noClasses().should().dependOnClassesThat().resideInAPackage("io.kubernetes..").check(CLASSES);
  }

  /** The desktop makes plans through the engine's pipeline and runs them with the engine's executor (ADR 21, 22). */
  @Test
  void theDesktopNeitherBuildsNorWalksAPlanOfItsOwn() {
    noClasses().should().dependOnClassesThat().haveFullyQualifiedName("dev.kubeyard.engine.pki.ClusterPki")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.kubeyard.engine.plan.PlanBuilder")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.kubeyard.engine.plan.InstallSequence")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.kubeyard.engine.render.ClusterRenderer")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.kubeyard.engine.plan.BundleForPlan")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.kubeyard.engine.k8s.elasticsearch.StatefulSetFleet")
        .check(CLASSES);
  }
}
