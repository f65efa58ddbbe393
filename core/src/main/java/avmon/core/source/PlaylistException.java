package avmon.core.source;

/** Playlist text that cannot be read as HLS; the message names the playlist and the line. */
public class PlaylistException extends Exception {
    public PlaylistException(String message) {
        super(message);
    }
}
