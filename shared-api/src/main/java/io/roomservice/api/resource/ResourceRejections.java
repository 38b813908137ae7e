package io.roomservice.api.resource;

/** Problem codes of resource and order refusals. */
public final class ResourceRejections {

    /** A resource or order was first recorded under another project. */
    public static final String PROJECT_MISMATCH = "project-mismatch";

    private ResourceRejections() {
    }
}
