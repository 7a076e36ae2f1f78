package org.casebridge.infra.junit;

import org.casebridge.infra.KafkaEndpoint;
import org.casebridge.infra.LocalInfrastructure;
import org.casebridge.infra.PostgresEndpoint;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that starts the {@link SharedInfrastructure} before a test class and injects
 * {@link LocalInfrastructure}, {@link PostgresEndpoint} or {@link KafkaEndpoint} parameters.
 * Use with {@code @ExtendWith(SharedInfrastructureExtension.class)}.
 */
public final class SharedInfrastructureExtension implements BeforeAllCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        SharedInfrastructure.get();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LocalInfrastructure.class || type == PostgresEndpoint.class || type == KafkaEndpoint.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        LocalInfrastructure infrastructure = SharedInfrastructure.get();
        if (type == PostgresEndpoint.class) {
            return infrastructure.postgres();
        }
        if (type == KafkaEndpoint.class) {
            return infrastructure.kafka();
        }
        return infrastructure;
    }
}
