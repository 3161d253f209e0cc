package dev.kubeyard.desktop.fx;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Saves what a scene shows as a PNG (screenshots of tests and of the packaged app's smoke run). */
public final class PngSnapshot {
  private PngSnapshot() {}

  /** Must run on the FX thread. */
  public static Path save(Scene scene, Path file) throws IOException {
    WritableImage image = scene.snapshot(null);
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    PixelReader pixels = image.getPixelReader();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out.setRGB(x, y, pixels.getArgb(x, y));
      }
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    ImageIO.write(out, "png", file.toFile());
    return file;
  }
}
