package io.roomservice.sagas.notice;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownTest {

    @Test
    void whitespaceIsCollapsed() {
        assertThat(Markdown.escape("  Ada \n\t Lovelace  ")).isEqualTo("Ada Lovelace");
    }

    @Test
    void markupCharactersAreBackslashEscaped() {
        assertThat(Markdown.escape("a\\b`c*d_e[f]g<h>")).isEqualTo("a\\\\b\\`c\\*d\\_e\\[f\\]g\\<h>");
    }

    @Test
    void runsOfTildesAndEqualsAreEscapedButSingleOnesAreNot() {
        assertThat(Markdown.escape("~~gone~~ a~b ==mark== a=b")).isEqualTo("\\~\\~gone\\~\\~ a~b \\=\\=mark\\=\\= a=b");
    }

    @Test
    void theColonOfAUrlSchemeIsEscaped() {
        assertThat(Markdown.escape("see https://evil.example")).isEqualTo("see https\\://evil.example");
        assertThat(Markdown.escape("ratio 1:2")).isEqualTo("ratio 1:2");
    }

    @Test
    void leadingBlockMarkersAreEscaped() {
        assertThat(Markdown.escape("# Title")).isEqualTo("\\# Title");
        assertThat(Markdown.escape("> quote")).isEqualTo("\\> quote");
        assertThat(Markdown.escape("+ item")).isEqualTo("\\+ item");
        assertThat(Markdown.escape("- item")).isEqualTo("\\- item");
        assertThat(Markdown.escape("1. first")).isEqualTo("1\\. first");
        assertThat(Markdown.escape("12) twelfth")).isEqualTo("12\\) twelfth");
        assertThat(Markdown.escape("Ada - Lovelace")).isEqualTo("Ada - Lovelace");
    }

    @Test
    void codeSpansTurnBackticksIntoQuotes() {
        assertThat(Markdown.code("vm`1")).isEqualTo("`vm'1`");
        assertThat(Markdown.code("")).isEqualTo("` `");
    }
}
