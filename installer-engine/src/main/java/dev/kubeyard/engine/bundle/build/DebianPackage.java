package dev.kubeyard.engine.bundle.build;

/** One binary package of Debian's archive at an exact version, e.g. haproxy 2.6.12-1+deb12u4 amd64. */
record DebianPackage(String name, String version, String architecture) {

  /** The file name apt-get download gives it (an epoch's colon is written %3a). */
  public String fileName() {
    return name + "_" + version.replace(":", "%3a") + "_" + architecture + ".deb";
  }

  /** name=version, the form apt-get accepts and the manifest records as origin. */
  public String pinned() {
    return name + "=" + version;
  }

  /** The version without its epoch (1:2.2.7-1+b2 becomes 2.2.7-1+b2), as the upstream version reads. */
  public String versionWithoutEpoch() {
    int colon = version.indexOf(':');
    return colon < 0 ? version : version.substring(colon + 1);
  }
}
