package io.roomservice.infra.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.function.Function;

/**
 * Finds a command's aggregate the way Axon's {@code AnnotationCommandTargetResolver} does (the member
 * annotated {@link TargetAggregateIdentifier}, and {@link TargetAggregateVersion} if any; methods before
 * fields), but looks the members up once per command class. Axon's resolver searches every method and
 * field of the command, annotations included, for every command it routes.
 */
final class CachingCommandTargetResolver implements CommandTargetResolver {

    private final ClassValue<Target> targets = new ClassValue<>() {
        @Override
        protected Target computeValue(Class<?> type) {
            return new Target(reader(type, TargetAggregateIdentifier.class), reader(type, TargetAggregateVersion.class));
        }
    };

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Target target = targets.get(command.getPayloadType());
        Object payload = command.getPayload();
        Object identifier = target.identifier().apply(payload);
        if (identifier == null) {
            throw new IllegalArgumentException(String.format("Invalid command. It does not identify the target aggregate. "
                    + "Make sure at least one of the fields or methods in the [%s] class contains the "
                    + "@TargetAggregateIdentifier annotation and that it returns a non-null value.",
                    command.getPayloadType().getSimpleName()));
        }
        Object version = target.version().apply(payload);
        return new VersionedAggregateIdentifier(identifier, version == null ? null : asLong(version));
    }

    private static Long asLong(Object version) {
        return version instanceof Number number ? number.longValue() : Long.parseLong(version.toString());
    }

    private record Target(Function<Object, Object> identifier, Function<Object, Object> version) {
    }

    private static Function<Object, Object> reader(Class<?> type, Class<? extends Annotation> annotation) {
        for (Method method : ReflectionUtils.methodsOf(type)) {
            if (AnnotationUtils.isAnnotationPresent(method, annotation)) {
                ReflectionUtils.ensureAccessible(method);
                return payload -> invoke(method, payload);
            }
        }
        for (Field field : ReflectionUtils.fieldsOf(type)) {
            if (AnnotationUtils.isAnnotationPresent(field, annotation)) {
                return payload -> ReflectionUtils.getFieldValue(field, payload);
            }
        }
        return payload -> null;
    }

    private static Object invoke(Method method, Object payload) {
        try {
            return method.invoke(payload);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("An exception occurred while extracting aggregate information from "
                    + method.getDeclaringClass().getSimpleName(), e);
        }
    }
}
