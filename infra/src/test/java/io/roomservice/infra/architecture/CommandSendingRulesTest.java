package io.roomservice.infra.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command joins a transaction that is already running (CommandTransactions). Inside an Axon unit of
 * work (a saga, an event handler) that is safe: a rollback of the outer unit of work reaches the
 * command's, and the aggregate cache drops what the command changed. A Spring transaction opened
 * outside any unit of work gives no such signal, so a rolled-back outer transaction would leave the
 * cache holding state that is not in the event store. Hence: code that opens Spring transactions of its
 * own never sends commands.
 */
class CommandSendingRulesTest {

    private static final DescribedPredicate<JavaClass> OPEN_SPRING_TRANSACTIONS =
            new DescribedPredicate<>("open Spring transactions of their own") {
                @Override
                public boolean test(JavaClass type) {
                    return type.isAnnotatedWith(Transactional.class)
                            || type.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(Transactional.class))
                            || type.getDirectDependenciesFromSelf().stream()
                            .anyMatch(d -> d.getTargetClass().isAssignableTo(TransactionTemplate.class));
                }
            };

    private static final ArchRule NO_COMMANDS_FROM_OWN_SPRING_TRANSACTIONS = noClasses().that(OPEN_SPRING_TRANSACTIONS)
            .should().dependOnClassesThat().resideInAnyPackage("org.axonframework.commandhandling..");

    private final JavaClasses classes = ProductionClasses.all();

    @Test
    void codeThatOpensSpringTransactionsOfItsOwnNeverSendsCommands() {
        NO_COMMANDS_FROM_OWN_SPRING_TRANSACTIONS.check(classes);
    }

    @Test
    void theRuleCatchesATransactionalServiceThatSendsACommand() {
        var violator = new ClassFileImporter().importClasses(TransactionalServiceSendingACommand.class);

        assertThat(NO_COMMANDS_FROM_OWN_SPRING_TRANSACTIONS.evaluate(violator).hasViolation()).isTrue();
    }

    static class TransactionalServiceSendingACommand {

        private final CommandGateway commands;

        TransactionalServiceSendingACommand(CommandGateway commands) {
            this.commands = commands;
        }

        @Transactional
        void send() {
            commands.sendAndWait("a command");
        }
    }
}
