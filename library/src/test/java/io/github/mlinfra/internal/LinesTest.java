package io.github.mlinfra.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinesTest {
    @Test
    void theLineOfAPositionCountsTheNewlinesBeforeIt() {
        String text = "#!/bin/bash\necho a\r\necho b\n";
        assertThat(Lines.numberAt(text, 0)).isEqualTo(1);
        assertThat(Lines.numberAt(text, text.indexOf('\n'))).isEqualTo(1); // the newline ends line 1
        assertThat(Lines.numberAt(text, text.indexOf("echo a"))).isEqualTo(2);
        assertThat(Lines.numberAt(text, text.indexOf('\r'))).isEqualTo(2); // a CR does not start a line
        assertThat(Lines.numberAt(text, text.indexOf("echo b"))).isEqualTo(3);
        assertThat(Lines.numberAt(text, text.length())).isEqualTo(4);
    }
}
