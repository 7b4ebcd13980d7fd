package io.perftwin.infra.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that every {@code ${…}} interpolation, every {@code depends_on} entry and every
 * resource's {@code provider} of a Terraform JSON stack names something the stack declares. Escaped {@code $${…}} is literal text and skipped.
 * Interpolations must be plain traversals ({@code var.x}, {@code type.name.attr[0].x}); anything
 * else is reported, so that a new kind of expression gets a deliberate look.
 */
final class References {
  private References() {}

  private static final Pattern INTERPOLATION = Pattern.compile("(?<!\\$)\\$\\{([^}]*)}");
  private static final Pattern TRAVERSAL = Pattern.compile("[a-zA-Z_][\\w-]*(\\.[a-zA-Z_][\\w-]*|\\.\\d+|\\[\\d+])*");

  static int count(JsonNode stack) {
    List<String> found = new ArrayList<>();
    collect(stack, found);
    return found.size();
  }

  static List<String> unresolved(JsonNode stack) {
    List<String> expressions = new ArrayList<>();
    collect(stack, expressions);
    List<String> bad = new ArrayList<>();
    for (String e : expressions) {
      if (!TRAVERSAL.matcher(e).matches() || !resolves(stack, e.split("[.\\[]"))) {
        bad.add(e);
      }
    }
    for (Map.Entry<String, JsonNode> type : (Iterable<Map.Entry<String, JsonNode>>) stack.path("resource")::fields) {
      for (Map.Entry<String, JsonNode> resource : (Iterable<Map.Entry<String, JsonNode>>) type.getValue()::fields) {
        JsonNode provider = resource.getValue().get("provider");
        if (provider != null && !stack.path("provider").has(provider.asText().split("\\.")[0])) {
          bad.add(type.getKey() + "." + resource.getKey() + ".provider = " + provider.asText());
        }
      }
    }
    return bad;
  }

  private static boolean resolves(JsonNode stack, String[] parts) {
    return switch (parts[0]) {
      case "var" -> parts.length >= 2 && stack.path("variable").has(parts[1]);
      case "local" -> parts.length >= 2 && stack.path("locals").has(parts[1]);
      case "data" -> parts.length >= 3 && stack.path("data").path(parts[1]).has(parts[2]);
      default -> parts.length >= 2 && stack.path("resource").path(parts[0]).has(parts[1]);
    };
  }

  private static void collect(JsonNode node, List<String> out) {
    if (node.isTextual()) {
      Matcher m = INTERPOLATION.matcher(node.asText());
      while (m.find()) {
        out.add(m.group(1));
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
        if (field.getKey().equals("depends_on")) {
          field.getValue().forEach(d -> out.add(d.asText()));
        } else {
          collect(field.getValue(), out);
        }
      }
    } else if (node.isArray()) {
      node.forEach(child -> collect(child, out));
    }
  }
}
