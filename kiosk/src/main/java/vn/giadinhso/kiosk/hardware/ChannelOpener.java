package vn.giadinhso.kiosk.hardware;

import java.io.IOException;

/** Finds and opens a reader; called again after every disconnection. */
@FunctionalInterface
public interface ChannelOpener {

    ReaderChannel open() throws IOException;
}
