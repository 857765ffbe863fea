package io.enif.replica.plog;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;

/** Opens the channels the log writes through; tests substitute one that fails. */
@FunctionalInterface
interface ChannelOpener {

    ChannelOpener DEFAULT = FileChannel::open;

    FileChannel open(Path path, OpenOption... options) throws IOException;
}
