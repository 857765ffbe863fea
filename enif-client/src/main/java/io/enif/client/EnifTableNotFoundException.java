package io.enif.client;

/** The meta server knows no available table of that name ({@code ERR_OBJECT_NOT_FOUND} on open). */
public class EnifTableNotFoundException extends EnifClientException {
    private static final long serialVersionUID = 1L;

    private final String tableName;

    public EnifTableNotFoundException(String tableName, String message) {
        super("ERR_OBJECT_NOT_FOUND", message, null);
        this.tableName = tableName;
    }

    /** The table that was asked for. */
    public String tableName() {
        return tableName;
    }
}
