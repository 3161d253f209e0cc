package dev.kubeyard.desktop; public final class Main { public static void main(String[] a) {} }
