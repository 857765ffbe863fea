package io.enif.storage.checkpoint;

import java.nio.file.Path;

/**
 * A checkpoint made by a store.
 *
 * @param decree the last decree whose data it holds
 * @param dir its directory, {@code <parent>/checkpoint.<decree>}
 */
public record CheckpointInfo(long decree, Path dir) {}
