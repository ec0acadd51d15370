package io.github.mlinfra.internal;

/** Positions in multi-line text (scripts, user data), for messages that point at a line. */
public final class Lines {
    private Lines() {}

    /**
     * The 1-based number of the line holding a position: one more than the {@code \n} characters
     * before it.
     *
     * @param text the text
     * @param offset a character offset in {@code text}, from 0 to its length
     * @return the line number, 1 for the first line
     */
    public static int numberAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
