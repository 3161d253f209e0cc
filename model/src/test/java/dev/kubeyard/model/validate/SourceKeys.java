package dev.kubeyard.model.validate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The message keys the main code of every module passes when it makes a problem: the key argument of
 * {@code out.add(...)} in the rules, {@code Problem.of(...)}, {@code new Cidr.Refused(...)} and
 * {@code new UnknownChoice(...)}. Read from the sources, so a key no test happens to trigger is checked too.
 */
final class SourceKeys {
  private static final Path ROOT = Path.of("..");
  private static final Pattern LITERAL = Pattern.compile("\"([^\"\\\\]*)\"");

  private SourceKeys() {}

  static Set<String> scan() throws IOException {
    Set<String> keys = new TreeSet<>();
    for (String module : new String[] {"model", "installer-engine", "desktop"}) {
      Path src = ROOT.resolve(module).resolve("src/main/java");
      try (Stream<Path> files = Files.walk(src)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          String text = Files.readString(f);
          boolean rules = f.getParent().endsWith("validate") && text.contains("Problems out");
          collect(text, "Problem.of(", 2, keys);
          collect(text, "new Refused(", 0, keys);
          collect(text, "new UnknownChoice(", 0, keys);
          if (rules) {
            collect(text, "out.add(", 2, keys);
          }
        }
      }
    }
    return keys;
  }

  /** The string literals in argument {@code index} of every call that starts with {@code call}. */
  private static void collect(String text, String call, int index, Set<String> keys) {
    for (int at = text.indexOf(call); at >= 0; at = text.indexOf(call, at + 1)) {
      List<String> args = arguments(text, at + call.length());
      if (args.size() > index) {
        Matcher m = LITERAL.matcher(args.get(index));
        while (m.find()) {
          keys.add(m.group(1));
        }
      }
    }
  }

  /** The top-level arguments of a call whose "(" ends just before {@code from}. */
  private static List<String> arguments(String text, int from) {
    List<String> args = new ArrayList<>();
    int depth = 0;
    int start = from;
    boolean quoted = false;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          quoted = false;
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
        depth--;
      } else if (c == ',' && depth == 0 || c == ')') {
        args.add(text.substring(start, i).trim());
        start = i + 1;
        if (c == ')') {
          return args;
        }
      }
    }
    return args;
  }
}
