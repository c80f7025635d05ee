package vn.giadinhso.kiosk.screen;

import java.util.Optional;
import vn.giadinhso.kiosk.hardware.ReaderState;

/** The small indicator staff read on every screen: hub reachable or not, reader plugged in or not. */
public record ConnectionState(boolean online, Reader reader) {

    public enum Reader { NONE, CONNECTED, DISCONNECTED }

    public static Reader readerOf(Optional<ReaderState> state) {
        return state.map(s -> s.connected() ? Reader.CONNECTED : Reader.DISCONNECTED).orElse(Reader.NONE);
    }
}
