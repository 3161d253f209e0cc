package dev.kubeyard.model.validate;

import java.util.regex.Pattern;

/** Name rules Kubernetes and the hosts' operating systems impose. */
final class Names {
  /** RFC 1123 subdomain, as Kubernetes requires for node names. */
  private static final Pattern NODE_NAME =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern INTERFACE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.:@-]{0,14}");

  private Names() {}

  static boolean nodeName(String s) {
    return s != null && s.length() <= 253 && NODE_NAME.matcher(s).matches();
  }

  static boolean dnsLabel(String s) {
    return s != null && s.length() <= 63 && DNS_LABEL.matcher(s).matches();
  }

  static boolean dnsName(String s) {
    return nodeName(s);
  }

  /** Linux interface names: at most 15 characters, no slash or blank. */
  static boolean interfaceName(String s) {
    return s != null && INTERFACE.matcher(s).matches();
  }

  static boolean inRange(Integer v, int low, int high) {
    return v != null && v >= low && v <= high;
  }
}
