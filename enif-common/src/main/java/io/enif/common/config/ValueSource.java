package io.enif.common.config;

/** Where the effective value of a key came from; {@code config-dump} shows it next to every non-default value. */
public enum ValueSource {
    /** The compiled-in default: nothing set the key. */
    DEFAULT("default"),
    /** The ini file. */
    FILE("file"),
    /** A command-line {@code section.key=value} override, applied on top of the file. */
    OVERRIDE("override"),
    /** A runtime update ({@code /updateConfig}); in memory only, lost on restart. */
    RUNTIME("runtime");

    private final String label;

    ValueSource(String label) {
        this.label = label;
    }

    /** The lower-case word used in dumps and JSON. */
    public String label() {
        return label;
    }
}
