package dev.kubeyard.desktop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The desktop makes plans through the engine's pipeline and runs them with the engine's executor (ADR 21, 22). */
class OnePipelineRuleTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.kubeyard.desktop");

  @Test
  void theDesktopNeitherBuildsNorWalksAPlanOfItsOwn() {
    noClasses().should().dependOnClassesThat().haveFullyQualifiedName("dev.kubeyard.engine.pki.ClusterPki")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.kubeyard.engine.plan.PlanBuilder")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.kubeyard.engine.plan.InstallSequence")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.kubeyard.engine.render.ClusterRenderer")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.kubeyard.engine.bundle.BundledPlan")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.kubeyard.engine.k8s.elasticsearch.StatefulSetFleet")
        .check(CLASSES);
  }
}
