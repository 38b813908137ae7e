package io.roomservice.api.profile;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** People's Matrix ids: lowercased, escaped outside the localpart grammar, within 255 bytes. */
class MatrixUserIdFormatTest {

    private static final UUID USER = UUID.fromString("0b9d7c1e-3f55-4d6c-9a63-5c2c1d0e8f11");

    @Test
    void aUsernameIsLowercasedAndPrefixed() {
        assertThat(MatrixUserIdFormat.USERNAME.userId("rs-", "example.org", USER, "Ada.Lovelace", null))
                .contains("@rs-ada.lovelace:example.org");
    }

    @Test
    void charactersOutsideTheLocalpartGrammarAreEscapedAsTheirUtf8Bytes() {
        assertThat(MatrixUserIdFormat.USERNAME.userId("rs-", "example.org", USER, "José Núñez+1=2", null))
                .contains("@rs-jos=c3=a9=20n=c3=ba=c3=b1ez=2b1=3d2:example.org");
    }

    @Test
    void theUuidFormatUsesTheUuid() {
        assertThat(MatrixUserIdFormat.UUID.userId("rs-", "example.org", USER, "ada", null))
                .contains("@rs-0b9d7c1e-3f55-4d6c-9a63-5c2c1d0e8f11:example.org");
    }

    @Test
    void theEmailFormatUsesTheLocalPartAndNeedsAnAddress() {
        assertThat(MatrixUserIdFormat.EMAIL_LOCAL.userId("rs-", "example.org", USER, "ada", "Ada@Uni.example"))
                .contains("@rs-ada:example.org");
        assertThat(MatrixUserIdFormat.EMAIL_LOCAL.userId("rs-", "example.org", USER, "ada", null)).isEmpty();
        assertThat(MatrixUserIdFormat.EMAIL_LOCAL.userId("rs-", "example.org", USER, "ada", "no-at-sign")).isEmpty();
    }

    @Test
    void anIdLongerThan255BytesOrAnEmptyNameCannotBeFormed() {
        assertThat(MatrixUserIdFormat.USERNAME.userId("rs-", "example.org", USER, "a".repeat(240), null)).isEmpty();
        assertThat(MatrixUserIdFormat.USERNAME.userId("rs-", "example.org", USER, "a".repeat(200), null)).isPresent();
        assertThat(MatrixUserIdFormat.USERNAME.userId("rs-", "example.org", USER, "  ", null)).isEmpty();
    }
}
