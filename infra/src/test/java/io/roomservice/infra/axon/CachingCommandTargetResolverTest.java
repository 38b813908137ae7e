package io.roomservice.infra.axon;

import io.roomservice.api.room.RecordRoomProvisioned;
import io.roomservice.api.room.RoomId;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingCommandTargetResolverTest {

    private final CachingCommandTargetResolver resolver = new CachingCommandTargetResolver();
    private final AnnotationCommandTargetResolver axons = AnnotationCommandTargetResolver.builder().build();

    record Versioned(@TargetAggregateIdentifier String id, @TargetAggregateVersion long version) {
    }

    static class OnAField {
        @TargetAggregateIdentifier
        private final String id;

        OnAField(String id) {
            this.id = id;
        }
    }

    record WithoutTarget(String id) {
    }

    record NullTarget(@TargetAggregateIdentifier String id) {
    }

    @Test
    void aRecordCommandFindsTheSameAggregateAsAxonsResolverDoesEveryTime() {
        var command = GenericCommandMessage.asCommandMessage(new RecordRoomProvisioned(RoomId.random(), "!r:hs", null));
        assertThat(resolver.resolveTarget(command)).isEqualTo(axons.resolveTarget(command));
        var another = GenericCommandMessage.asCommandMessage(new RecordRoomProvisioned(RoomId.random(), "!s:hs", null));
        assertThat(resolver.resolveTarget(another)).isEqualTo(axons.resolveTarget(another));
    }

    @Test
    void theVersionIsReadWhenTheCommandCarriesOne() {
        var command = GenericCommandMessage.asCommandMessage(new Versioned("a", 7));
        assertThat(resolver.resolveTarget(command)).isEqualTo(axons.resolveTarget(command));
        assertThat(resolver.resolveTarget(command).getVersion()).isEqualTo(7L);
    }

    @Test
    void anAnnotatedFieldIsFoundToo() {
        var command = GenericCommandMessage.asCommandMessage(new OnAField("b"));
        assertThat(resolver.resolveTarget(command)).isEqualTo(axons.resolveTarget(command));
    }

    @Test
    void aCommandWithoutATargetOrWithANullOneIsRefused() {
        assertThatThrownBy(() -> resolver.resolveTarget(GenericCommandMessage.asCommandMessage(new WithoutTarget("c"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WithoutTarget");
        assertThatThrownBy(() -> resolver.resolveTarget(GenericCommandMessage.asCommandMessage(new NullTarget(null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NullTarget");
    }
}
