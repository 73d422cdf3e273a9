package dev.lake.maven;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Catalog secrets, and masking them in every message Lake prints. */
final class Secrets {
  private static final Pattern SECRET_KEY = Pattern.compile(".*(secret|password|token|credential).*");
  static final String MASK = "****";

  private Secrets() {}

  /** Whether a catalog property holds a secret, by its name. */
  static boolean isSecret(String key) {
    return SECRET_KEY.matcher(key.toLowerCase(Locale.ROOT)).matches();
  }

  /** The secret values among these properties. */
  static List<String> of(Map<String, String> properties) {
    List<String> secrets = new ArrayList<>();
    properties.forEach((key, value) -> {
      if (isSecret(key) && value != null && !value.isEmpty()) {
        secrets.add(value);
      }
    });
    return secrets;
  }

  /** The message with every secret value replaced by {@value #MASK}. */
  static String mask(String message, List<String> secrets) {
    if (message == null) {
      return null;
    }
    String masked = message;
    List<String> longestFirst = new ArrayList<>(secrets);
    longestFirst.sort(Comparator.comparingInt(String::length).reversed());
    for (String secret : longestFirst) {
      masked = masked.replace(secret, MASK);
    }
    return masked;
  }
}
