package io.roomservice.query.timeline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MatrixTextTest {

    @Test
    void aNulIsStoredWithoutANulAndReadsBackAsSent() {
        var sent = "a\u0000b\u0000";

        assertThat(MatrixText.store(sent)).doesNotContain("\u0000");
        assertThat(MatrixText.read(MatrixText.store(sent))).isEqualTo(sent);
    }

    @Test
    void theEscapeCharacterItselfAndWhatLooksLikeAnEscapeRoundTrip() {
        for (var sent : new String[] {"\uffff", "\uffff0", "\uffff\uffff", "\\0", "x\u0000\uffff0\u0000"}) {
            assertThat(MatrixText.read(MatrixText.store(sent))).isEqualTo(sent);
        }
    }

    /** Rows stored before the escaping existed read back unchanged. */
    @Test
    void ordinaryTextIsStoredAsItIs() {
        var ordinary = "Hello, project! \\ 0 \u00e9 \ud83d\ude00";

        assertThat(MatrixText.store(ordinary)).isSameAs(ordinary);
        assertThat(MatrixText.read(ordinary)).isSameAs(ordinary);
        assertThat(MatrixText.store(null)).isNull();
        assertThat(MatrixText.read(null)).isNull();
    }
}
