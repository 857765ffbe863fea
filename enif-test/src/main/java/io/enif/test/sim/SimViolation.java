package io.enif.test.sim;

/** An invariant the simulation checks while it runs was broken; the seed fails with this message. */
public final class SimViolation extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SimViolation(String message) {
        super(message);
    }
}
