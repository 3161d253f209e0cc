package dev.kubeyard.desktop.wizard;

import javafx.scene.Node;

/** One wizard page's view: built once, shown when its step is current. */
public interface PageView {
  Node node();
}
