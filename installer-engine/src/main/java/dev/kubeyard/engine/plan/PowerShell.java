package dev.kubeyard.engine.plan;

/** Wraps a PowerShell script for Windows OpenSSH, whose default shell is cmd.exe. */
public final class PowerShell {
  private PowerShell() {}

  public static String command(String script) {
    return "powershell -NoProfile -NonInteractive -ExecutionPolicy Bypass -Command \"" + script.replace("\"", "\\\"") + "\"";
  }
}
