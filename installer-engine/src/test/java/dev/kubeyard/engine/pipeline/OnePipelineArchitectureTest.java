package dev.kubeyard.engine.pipeline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Plans are made in one place: every other caller goes through {@link PlanPipeline} (ADR 21). */
class OnePipelineArchitectureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.kubeyard.engine");

  @Test
  void onlyThePipelineIssuesThePkiAndWritesAPlan() {
    noClasses().that().resideOutsideOfPackages("dev.kubeyard.engine.pipeline..", "dev.kubeyard.engine.pki..",
            "dev.kubeyard.engine.plan..", "dev.kubeyard.engine.bundle..")
        .should().dependOnClassesThat().haveFullyQualifiedName("dev.kubeyard.engine.pki.ClusterPki")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.kubeyard.engine.plan.PlanBuilder")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.kubeyard.engine.plan.InstallSequence")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.kubeyard.engine.bundle.BundledPlan")
        .check(CLASSES);
  }
}
