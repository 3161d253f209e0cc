package dev.kubeyard.engine.bundle;

/** A bundle cannot be read, built or fetched; the message names the file and what to do. */
public class BundleException extends Exception {
  public BundleException(String message) {
    super(message);
  }

  public BundleException(String message, Throwable cause) {
    super(message, cause);
  }
}
