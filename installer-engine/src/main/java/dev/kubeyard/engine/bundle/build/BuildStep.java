package dev.kubeyard.engine.bundle.build;

import dev.kubeyard.engine.bundle.BundleException;
import java.io.IOException;

/** One step of 'kubeyard bundle build'; the ordered list lives in {@link BundleBuilder}. */
interface BuildStep {
  String title();

  void run(BundleBuild build) throws BundleException, IOException;
}
