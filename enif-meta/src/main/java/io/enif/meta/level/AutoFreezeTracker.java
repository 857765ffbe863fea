package io.enif.meta.level;

import java.util.Optional;

/**
 * Remembers whether the automatic freeze held at the previous observation, so each entry into and exit from it is
 * reported once, for the log (DESIGN §10: "transitions logged"). Single-threaded.
 */
public final class AutoFreezeTracker {

    private boolean frozen;

    /** The transition message if {@code view} entered or left the automatic freeze since the last call. */
    public Optional<String> observe(MetaLevelView view) {
        if (view.autoFrozen() == frozen) {
            return Optional.empty();
        }
        frozen = view.autoFrozen();
        if (frozen) {
            return Optional.of("meta server enters automatic freeze (effective level fl_freezed, configured "
                    + view.configured().thriftName() + "): " + view.reason());
        }
        return Optional.of("meta server leaves automatic freeze, effective level is "
                + view.effective().thriftName() + " again");
    }

    /** Whether the last observation was frozen. */
    public boolean isFrozen() {
        return frozen;
    }
}
