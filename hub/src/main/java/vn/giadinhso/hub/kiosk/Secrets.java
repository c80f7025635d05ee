package vn.giadinhso.hub.kiosk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random enrolment codes and tokens, and the digests under which the hub stores them. */
final class Secrets {
  // Crockford's base32: no I, L, O or U, so a code read aloud or typed on a touchscreen survives.
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private final SecureRandom random = new SecureRandom();

  /** 12 symbols (60 bits) shown as XXXX-XXXX-XXXX. */
  String newCode() {
    StringBuilder code = new StringBuilder(14);
    for (int i = 0; i < 12; i++) {
      if (i > 0 && i % 4 == 0) {
        code.append('-');
      }
      code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
    }
    return code.toString();
  }

  /** Accepts what people type: lower case, spaces, dashes, O for 0 and I or L for 1. */
  static String normaliseCode(String typed) {
    StringBuilder out = new StringBuilder();
    for (char c : typed.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
      switch (c) {
        case ' ', '-', '\t' -> { }
        case 'O' -> out.append('0');
        case 'I', 'L' -> out.append('1');
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  String newToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  String newKioskId() {
    byte[] bytes = new byte[6];
    random.nextBytes(bytes);
    return "k-" + HexFormat.of().formatHex(bytes);
  }

  static String digest(String secret) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
