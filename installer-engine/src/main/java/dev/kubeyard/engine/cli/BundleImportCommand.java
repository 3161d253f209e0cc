package dev.kubeyard.engine.cli;

import dev.kubeyard.engine.bundle.BundleException;
import dev.kubeyard.engine.bundle.Platform;
import dev.kubeyard.engine.bundle.build.ImageImport;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Adds a site's image archives to a bundle (SQL Server's, ADR 41); exit 0 imported or unchanged, 1 refused. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Add a site's image archives (OCI image"
    + " layout or docker-save tars) to a bundle: every blob is checked against its digest and the image's platform"
    + " against the bundle's hosts, then manifest.json is rewritten, so 'bundle verify' passes. Importing the same"
    + " archive again changes nothing; another archive for the same name replaces it.")
final class BundleImportCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "BUNDLE", description = "the bundle folder (holding manifest.json)")
  Path bundle;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "ARCHIVE", description = "image archives (.tar)")
  List<Path> archives;

  @Option(names = "--name", paramLabel = "REFERENCE", description = "the reference to import the image under, e.g."
      + " mcr.microsoft.com/mssql/server:2022-CU16-ubuntu-22.04; needed when the archive names no image or several")
  String name;

  @Option(names = "--platform", paramLabel = "OS/ARCH", converter = PlatformConverter.class,
      description = "the platform the image must be for (default: linux and the bundle's host architecture)")
  Platform platform;

  @Option(names = "--no-archive", description = "remove BUNDLE.tar.gz instead of rewriting it (it would lack the"
      + " import)")
  boolean noArchive;

  /** Turns picocli's text into a platform; the exception's message is what the user sees. */
  static final class PlatformConverter implements CommandLine.ITypeConverter<Platform> {
    @Override
    public Platform convert(String value) {
      try {
        return Platform.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  @Override
  public Integer call() {
    try {
      ImageImport.run(new ImageImport.Request(bundle, archives, name, platform, !noArchive, System.out::println));
      return 0;
    } catch (BundleException e) {
      System.err.println("bundle import refused: " + e.getMessage());
      return 1;
    }
  }
}
