package io.roomservice.sagas.export;

/** The export settings sagas decide by (roomservice.exports.*). */
public interface ExportSettings {

    /** Whether a disabling exports the room's history before archiving it, and periodic exports run. */
    boolean enabled();

    /** Whether exports download the room's media into a ZIP. */
    boolean media();
}
