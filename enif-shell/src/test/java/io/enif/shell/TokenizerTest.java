package io.enif.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class TokenizerTest {
    @Test
    void splitsStatementsAndWords() {
        assertThat(Tokenizer.statements(" use temp ;set a b c;; "))
                .containsExactly(List.of("use", "temp"), List.of("set", "a", "b", "c"));
    }

    @Test
    void quotesGroupWordsAndProtectSemicolons() {
        assertThat(Tokenizer.statements("set \"a b\" 'x;y' \"q\\\"\" \"\""))
                .containsExactly(List.of("set", "a b", "x;y", "q\"", ""));
    }

    @Test
    void unterminatedQuoteIsAnError() {
        assertThatThrownBy(() -> Tokenizer.statements("set \"a")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formatEscapesUnprintableBytes() {
        assertThat(Format.quoted(new byte[] {'a', 0, '"', (byte) 0xFF})).isEqualTo("\"a\\x00\\\"\\xFF\"");
    }

    @Test
    void doubleQuotesDecodeHexAndControlEscapes() {
        List<String> words =
                Tokenizer.statements("set \"\\x00\\xff\\n\" '\\x41' plain\\x41").get(0);
        assertThat(Format.bytes(words.get(1))).containsExactly(0, 0xff, '\n');
        assertThat(words.get(2)).isEqualTo("\\x41");
        assertThat(words.get(3)).isEqualTo("plain\\x41");
        assertThat(Format.bytes("é")).containsExactly(0xc3, 0xa9);
    }
}
