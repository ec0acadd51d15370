package io.github.mlinfra.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Short, stable fingerprints of texts: derived names, secret fingerprints, finding fingerprints. */
public final class Digests {
    private Digests() {}

    /**
     * The first hex digits of the SHA-256 of a text's UTF-8 bytes.
     *
     * @param text the text
     * @param hexDigits how many hex digits, even, at most 64
     * @return {@code hexDigits} lower-case hex digits
     */
    public static String sha256Hex(String text, int hexDigits) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, hexDigits / 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
