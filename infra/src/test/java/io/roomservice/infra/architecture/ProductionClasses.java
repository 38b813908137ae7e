package io.roomservice.infra.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** roomservice's production classes, imported once for all architecture rules. */
final class ProductionClasses {

    private static JavaClasses classes;

    private ProductionClasses() {
    }

    static synchronized JavaClasses all() {
        if (classes == null) {
            classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("io.roomservice");
        }
        return classes;
    }
}
