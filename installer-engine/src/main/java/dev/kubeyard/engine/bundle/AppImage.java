package dev.kubeyard.engine.bundle;

import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.spec.GitlabImages;
import dev.kubeyard.model.spec.GitlabSpec;
import dev.kubeyard.model.spec.SqlServerSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * An image an app's deploy needs from the bundle by its exact reference, which the site supplies: nothing
 * on this machine can build it (SQL Server's mssql/server, ADR 41; GitLab's CNG images, ADR 44). {@code kubeyard bundle verify -f} names
 * one that is missing; the cluster install does not need it, its app's deploy does.
 *
 * @param field the spec's field that names it
 */
public record AppImage(String reference, String field, String fix) {

  /** The images the spec's enabled apps name and only an import can bring. */
  public static List<AppImage> of(ClusterSpec spec) {
    List<AppImage> out = new ArrayList<>();
    SqlServerSpec sql = spec.apps() == null ? null : spec.apps().sqlserver();
    if (sql != null && !Boolean.FALSE.equals(sql.enabled()) && sql.image() != null) {
      out.add(new AppImage(sql.image(), "apps.sqlserver.image",
          "SQL Server's image cannot be built from this machine's sources: import your site's OCI archive of "
              + sql.image() + " into the bundle with 'kubeyard bundle import BUNDLE ARCHIVE.tar --name " + sql.image()
              + "', or set apps.sqlserver.image to"
              + " the reference of an image the bundle holds"));
    }
    GitlabSpec gitlab = spec.apps() == null ? null : spec.apps().gitlab();
    if (gitlab != null && !Boolean.FALSE.equals(gitlab.enabled()) && gitlab.images() != null) {
      gitlab.images().byField().forEach((field, reference) -> {
        if (reference != null) {
          out.add(new AppImage(reference, "apps.gitlab.images." + field, "GitLab's "
              + GitlabImages.CNG_NAMES.get(field) + " image cannot be built from this machine's sources: import your"
              + " site's OCI archive of " + reference + " into the bundle with 'kubeyard bundle import BUNDLE"
              + " ARCHIVE.tar --name " + reference + "', or set apps.gitlab.images." + field
              + " to the reference of an image the bundle holds"));
        }
      });
    }
    return List.copyOf(out);
  }
}
