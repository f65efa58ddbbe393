package avmon.monolith.source;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One input the monitor analyses, with the id it is known by in notifications, status and shards.
 *
 * @param id       the stream id: given as {@code ID=SOURCE}, or derived from the file or playlist name
 * @param location what is opened: a local path, an HTTP(S) URL, or an {@code s3://bucket/key} playlist
 * @param kind     where it comes from
 * @param live     whether it is analysed against the wall clock: HTTP(S) and S3 inputs always; a local file
 *                 only when played at real time (for tests and benchmarks), otherwise it is read at full speed
 */
public record StreamSource(String id, String location, Kind kind, boolean live) {

    /** Where an input comes from. */
    public enum Kind {
        /** A local file: a media file, or an HLS playlist with its segments. */
        FILE,
        /** An HTTP(S) URL: a media file or an HLS playlist, a live one followed as it grows. */
        HTTP,
        /** An HLS playlist stored in S3 with its segments ({@code s3://bucket/key}), a live one followed as it grows. */
        S3
    }

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://.*");
    /** S3's bucket naming rules: 3 to 63 lower-case letters, digits, '.' and '-', a letter or digit at each end. */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    /** Playlist names that say nothing about the stream: its folder names it instead. */
    private static final Set<String> GENERIC_NAMES = Set.of("index", "playlist", "master", "stream", "live",
            "prog_index", "chunklist", "manifest", "main", "video");

    public StreamSource {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("stream id '" + id + "': use letters, digits, '.', '_' or '-'");
        }
        if (kind != Kind.FILE && !live) {
            throw new IllegalArgumentException(location + ": HTTP and S3 inputs are always followed live");
        }
    }

    /**
     * Reads one {@code SOURCE} or {@code ID=SOURCE} argument.
     *
     * @throws UnsupportedSourceException for a kind of input not supported, such as {@code rtmp://}
     * @throws IllegalArgumentException   for an id that cannot be used, or an {@code s3://} URI without a valid
     *                                     bucket and key
     */
    public static StreamSource parse(String argument) {
        String id = null;
        String location = argument;
        int eq = argument.indexOf('=');
        if (eq > 0 && ID.matcher(argument.substring(0, eq)).matches()) {
            id = argument.substring(0, eq);
            location = argument.substring(eq + 1);
        }
        if (location.isBlank()) {
            throw new IllegalArgumentException("'" + argument + "': no source after the id");
        }
        Kind kind = kindOf(location);
        if (kind == Kind.FILE && location.startsWith("file://")) {
            location = Path.of(URI.create(location)).toString();
        }
        if (kind == Kind.S3) {
            requireBucketAndKey(location);
        }
        return new StreamSource(id != null ? id : idFrom(location), location, kind, kind != Kind.FILE);
    }

    /**
     * Reads every argument, in order.
     *
     * @throws IllegalArgumentException when two sources have the same id (give one of them {@code ID=})
     */
    public static List<StreamSource> parseAll(List<String> arguments) {
        List<StreamSource> sources = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (String argument : arguments) {
            StreamSource source = parse(argument);
            if (!ids.add(source.id())) {
                throw new IllegalArgumentException("two sources have the id '" + source.id()
                        + "': name them with ID=SOURCE");
            }
            sources.add(source);
        }
        return sources;
    }

    /** The same input played against the wall clock: a file paced at real time, as if it were live. */
    public StreamSource asLive() {
        return new StreamSource(id, location, kind, true);
    }

    private static Kind kindOf(String location) {
        var m = SCHEME.matcher(location);
        if (!m.matches()) {
            return Kind.FILE;
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "http", "https" -> Kind.HTTP;
            case "file" -> Kind.FILE;
            case "s3" -> Kind.S3;
            default -> throw new UnsupportedSourceException(location + ": '" + scheme
                    + "' inputs are not supported (use a local file or playlist, an HTTP(S) URL or an s3:// playlist)");
        };
    }

    /** An {@code s3://} source names a bucket S3 could have and an object key in it. */
    private static void requireBucketAndKey(String location) {
        URI uri;
        try {
            uri = new URI(location);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(location + ": not a valid s3://bucket/key URI: " + e.getReason());
        }
        String bucket = uri.getHost();
        String key = uri.getPath();
        if (bucket == null || !BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
            throw new IllegalArgumentException(location + ": not a valid s3://bucket/key URI: the bucket must be 3 to 63"
                    + " lower-case letters, digits, '.' or '-'");
        }
        if (key == null || key.length() < 2 || key.endsWith("/") || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(location + ": not a valid s3://bucket/key URI: name the playlist's key,"
                    + " e.g. s3://" + bucket + "/live/index.m3u8");
        }
    }

    /** The file or playlist name without its extension; its folder's name when that name is generic. */
    static String idFrom(String location) {
        String path = location;
        if (SCHEME.matcher(location).matches()) {
            path = URI.create(location).getPath();
        }
        List<String> parts = new ArrayList<>();
        for (String part : path.replace('\\', '/').split("/")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException(location + ": cannot name a stream after it; give it as ID=SOURCE");
        }
        String name = withoutExtension(parts.get(parts.size() - 1));
        if (GENERIC_NAMES.contains(name.toLowerCase(Locale.ROOT)) && parts.size() > 1) {
            name = parts.get(parts.size() - 2);
        }
        String id = name.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[._-]+", "");
        if (id.isEmpty()) {
            throw new IllegalArgumentException(location + ": cannot name a stream after it; give it as ID=SOURCE");
        }
        return id;
    }

    private static String withoutExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    @Override
    public String toString() {
        return id + "=" + location;
    }
}
