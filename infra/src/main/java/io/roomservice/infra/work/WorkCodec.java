package io.roomservice.infra.work;

import io.roomservice.sagas.work.HomeserverWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

import java.util.HashMap;

/**
 * Stores work the way Axon stores events and sagas (its Jackson serializer), so that typed ids and
 * records are written one way throughout.
 */
class WorkCodec {

    private final Serializer serializer;

    WorkCodec(Serializer serializer) {
        this.serializer = serializer;
    }

    /** With the correlation data of the unit of work that decided it (the event being handled). */
    WorkData encode(HomeserverWork work) {
        SerializedObject<byte[]> serialized = serializer.serialize(work, byte[].class);
        var correlation = new HashMap<String, String>();
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().getCorrelationData().forEach((key, value) -> {
                if (value != null) {
                    correlation.put(key, value.toString());
                }
            });
        }
        return new WorkData(serialized.getType().getName(), serialized.getType().getRevision(), serialized.getData(),
                correlation, 0);
    }

    HomeserverWork decode(WorkData data) {
        return serializer.deserialize(new SimpleSerializedObject<>(data.payload(), byte[].class, data.type(),
                data.revision()));
    }
}
