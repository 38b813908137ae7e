package io.roomservice.infra.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module rule of docs/architecture.md, kept executable: shared-api depends on nothing of ours;
 * command-side, query-side and sagas depend only on shared-api and never on each other; only infra
 * sees everything.
 */
class ModuleDependencyRulesTest {

    private static final String API = "io.roomservice.api..";
    private static final String COMMAND = "io.roomservice.command..";
    private static final String QUERY = "io.roomservice.query..";
    private static final String SAGAS = "io.roomservice.sagas..";
    private static final String INFRA = "io.roomservice.infra..";

    private final JavaClasses classes = ProductionClasses.all();

    @Test
    void sharedApiDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage(API).should().dependOnClassesThat()
                .resideInAnyPackage(COMMAND, QUERY, SAGAS, INFRA).check(classes);
    }

    @Test
    void sharedApiHoldsOnlyMessagesAndNeverSpring() {
        noClasses().that().resideInAPackage(API).should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "jakarta.persistence..").check(classes);
    }

    @Test
    void theCommandSideNeverDependsOnQueriesSagasOrInfra() {
        noClasses().that().resideInAPackage(COMMAND).should().dependOnClassesThat()
                .resideInAnyPackage(QUERY, SAGAS, INFRA).check(classes);
    }

    @Test
    void theQuerySideNeverDependsOnCommandsSagasOrInfra() {
        noClasses().that().resideInAPackage(QUERY).should().dependOnClassesThat()
                .resideInAnyPackage(COMMAND, SAGAS, INFRA).check(classes);
    }

    @Test
    void theQuerySideNeverSendsCommands() {
        noClasses().that().resideInAPackage(QUERY).should().dependOnClassesThat()
                .resideInAnyPackage("org.axonframework.commandhandling..").check(classes);
    }

    @Test
    void sagasNeverDependOnCommandsQueriesOrInfra() {
        noClasses().that().resideInAPackage(SAGAS).should().dependOnClassesThat()
                .resideInAnyPackage(COMMAND, QUERY, INFRA).check(classes);
    }

    @Test
    void theCommandSideDoesNoNetworkIo() {
        noClasses().that().resideInAPackage(COMMAND).should().dependOnClassesThat()
                .resideInAnyPackage("java.net.http..", "org.springframework.web.client..").check(classes);
    }
}
