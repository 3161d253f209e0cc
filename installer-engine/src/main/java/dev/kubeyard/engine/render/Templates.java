package dev.kubeyard.engine.render;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Renders the Mustache templates under resources/templates. Config files are not HTML, so values are
 * written as they are (no HTML escaping).
 */
public final class Templates {
  private static final MustacheFactory FACTORY = new DefaultMustacheFactory("kubeyard/templates") {
    @Override
    public void encode(String value, Writer writer) {
      try {
        writer.write(value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  };

  private Templates() {}

  /** Renders {@code name} (relative to resources/templates) with {@code scope}. */
  public static String render(String name, Object scope) {
    Mustache m = FACTORY.compile(name);
    StringWriter out = new StringWriter();
    m.execute(out, scope);
    return out.toString();
  }
}
