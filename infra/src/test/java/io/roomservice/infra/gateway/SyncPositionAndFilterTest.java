package io.roomservice.infra.gateway;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SyncPositionAndFilterTest {

    @Test
    void a_position_comes_back_as_it_was_given_out_gaps_included() {
        var token = GapAwareTrackingToken.newInstance(42, List.of(7L, 40L));
        var decoded = SyncPosition.decode(SyncPosition.encode(token));
        assertThat(decoded.getIndex()).isEqualTo(42);
        assertThat(decoded.getGaps()).containsExactly(7L, 40L);
        assertThat(SyncPosition.encode(token)).doesNotContain("42");
    }

    @Test
    void a_position_the_gateway_never_gave_out_is_bad_json() {
        for (String since : List.of("garbage", "rs1_!!!", "rs1_" + java.util.Base64.getUrlEncoder()
                .encodeToString("5:9".getBytes()))) {
            assertThatThrownBy(() -> SyncPosition.decode(since)).isInstanceOfSatisfying(GatewayException.class,
                    e -> assertThat(e.error()).isEqualTo("M_BAD_JSON"));
        }
    }

    @Test
    void a_filter_names_rooms_and_types_in_the_gateway_or_the_matrix_form() {
        var plain = SyncFilter.parse("{\"rooms\": [\"!a\"], \"types\": [\"m.room.message\"]}");
        assertThat(plain).isEqualTo(new SyncFilter(Set.of("!a"), Set.of("m.room.message")));
        var matrix = SyncFilter.parse("{\"room\": {\"rooms\": [\"!a\"], \"timeline\": {\"types\": [\"m.room.member\"]}}}");
        assertThat(matrix.accepts("!a", "m.room.member")).isTrue();
        assertThat(matrix.accepts("!a", "m.room.message")).isFalse();
        assertThat(matrix.accepts("!b", "m.room.member")).isFalse();
        assertThat(SyncFilter.parse(null).accepts("!any", "m.room.message")).isTrue();
    }

    @Test
    void a_filter_that_is_not_a_json_object_of_string_lists_is_bad_json() {
        for (String filter : List.of("{", "[]", "{\"rooms\": \"!a\"}", "{\"types\": [1]}")) {
            assertThatThrownBy(() -> SyncFilter.parse(filter)).isInstanceOf(GatewayException.class);
        }
    }
}
