package io.github.mlinfra.guard.rules;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Literal placeholder account ids left in policies. */
final class Placeholders {
    /** {@code ACCOUNT_ID}, {@code <account>}, {@code <account-id>}, {@code XXXXXXXXXXXX}, {@code YOUR_ACCOUNT_ID}. */
    static final Pattern PLACEHOLDER = Pattern.compile(
            "(?<![A-Za-z0-9])(?:YOUR_)?ACCOUNT_?ID(?![A-Za-z0-9])|<[^<>\"]*account[^<>\"]*>|(?<![A-Za-z0-9])X{12}(?![A-Za-z0-9])",
            Pattern.CASE_INSENSITIVE);

    private Placeholders() {}

    static Optional<String> find(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }
}
