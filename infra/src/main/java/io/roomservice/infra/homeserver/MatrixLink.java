package io.roomservice.infra.homeserver;

/**
 * Where the homeserver is and how roomservice authenticates to it right now: the configured
 * properties, completed by what an administrator set up at run time.
 */
@FunctionalInterface
public interface MatrixLink {

    MatrixProperties current();
}
