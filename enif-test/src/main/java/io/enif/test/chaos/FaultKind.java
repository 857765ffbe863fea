package io.enif.test.chaos;

/** What a fault does to one server process, and how it is healed. */
public enum FaultKind {
    /** SIGKILL; healed by starting the server again from its directory. */
    KILL("kill"),
    /** SIGSTOP; healed by SIGCONT. */
    PAUSE("pause"),
    /** SIGTERM (a clean stop, waiting for the exit); healed by starting the server again. */
    RESTART("restart");

    private final String label;

    FaultKind(String label) {
        this.label = label;
    }

    /** The name reports use. */
    public String label() {
        return label;
    }
}
