package io.roomservice.infra.support;

import io.roomservice.infra.homeserver.SynapseAdmin;
import io.roomservice.sagas.homeserver.Homeserver;
import io.roomservice.sagas.membership.MemberHomeserver;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every homeserver port is wrapped, and every HTTP request to the homeserver is intercepted, so that a
 * call made while a database transaction is open fails, and is remembered:
 * {@link HomeserverCallGuardExtension} then fails the test that was running. Homeserver work must run
 * outside transactions (docs/architecture.md, "Homeserver work"). In the test sources only, and found
 * by component scan in every application the tests start, whatever its profile.
 */
@Configuration(proxyBeanMethods = false)
public class HomeserverCallGuard {

    /** The ports sagas and request handlers reach the homeserver through. */
    static final Set<Class<?>> PORTS = Set.of(Homeserver.class, MemberHomeserver.class, SynapseAdmin.class);

    private static final List<IllegalStateException> VIOLATIONS = new CopyOnWriteArrayList<>();

    /** Calls made inside a transaction since the last {@link #takeViolations()}. */
    public static List<IllegalStateException> takeViolations() {
        var taken = List.copyOf(VIOLATIONS);
        VIOLATIONS.removeAll(taken);
        return taken;
    }

    /** Below the ports: every HTTP request to the homeserver, whoever makes it (credentials, diagnostics too). */
    @Bean
    ClientHttpRequestInterceptor homeserverRequestGuard() {
        return (request, body, execution) -> {
            check(request.getMethod() + " " + request.getURI().getPath());
            return execution.execute(request, body);
        };
    }

    @Bean
    static BeanPostProcessor homeserverCallGuardPostProcessor() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return PORTS.stream().anyMatch(port -> port.isInstance(bean)) ? guarded(bean) : bean;
            }
        };
    }

    /**
     * A proxy of the same class where it can be subclassed (tests inject the scripted homeserver by its
     * class), else of its interfaces (a lambda), that checks every call of a port method.
     */
    static Object guarded(Object target) {
        var proxy = new ProxyFactory(target);
        Class<?> type = target.getClass();
        proxy.setProxyTargetClass(!Modifier.isFinal(type.getModifiers()) && !type.isSynthetic());
        proxy.addAdvice((MethodInterceptor) invocation -> {
            if (declaredByAPort(target, invocation.getMethod())) {
                check(invocation.getMethod().getName());
            }
            return invocation.proceed();
        });
        return proxy.getProxy();
    }

    private static void check(String call) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            var violation = new IllegalStateException("Homeserver call " + call
                    + " made while a database transaction is open (thread " + Thread.currentThread().getName() + ")");
            VIOLATIONS.add(violation);
            throw violation;
        }
    }

    private static boolean declaredByAPort(Object target, Method method) {
        return PORTS.stream().filter(port -> port.isInstance(target)).anyMatch(port -> {
            try {
                return port.getMethod(method.getName(), method.getParameterTypes()).getDeclaringClass() != Object.class;
            } catch (NoSuchMethodException notThisPort) {
                return false;
            }
        });
    }
}
