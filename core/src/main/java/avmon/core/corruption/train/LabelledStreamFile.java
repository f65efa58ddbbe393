package avmon.core.corruption.train;

import avmon.core.detect.Defect;
import avmon.core.detect.DefectType;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A {@link LabelledStream} kept on disk between training runs (a plain binary file, this class's own format). */
final class LabelledStreamFile {

    private static final int VERSION = 2;

    private LabelledStreamFile() {
    }

    static void write(LabelledStream s, Path file) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
            out.writeInt(VERSION);
            out.writeBoolean(!s.stream().damage().isEmpty());
            out.writeInt(s.width());
            out.writeInt(s.height());
            out.writeDouble(s.duration());
            out.writeInt(s.size());
            for (int i = 0; i < s.size(); i++) {
                out.writeDouble(s.times()[i]);
                out.writeBoolean(s.keyframes()[i]);
                out.writeBoolean(s.corrupted()[i]);
                out.write(s.pictures().get(i));
                byte[] changes = s.tileChanges().get(i);
                out.writeInt(changes.length);
                out.write(changes);
            }
            out.writeInt(s.truth().size());
            for (Defect d : s.truth()) {
                out.writeDouble(d.start());
                out.writeDouble(d.end() == null ? -1 : d.end());
            }
        }
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static LabelledStream read(Path file, TrainingStream planned) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != VERSION) {
                throw new IOException(file + ": not a labelled stream of this version");
            }
            TrainingStream stream = in.readBoolean() ? planned : planned.clean();
            int width = in.readInt();
            int height = in.readInt();
            double duration = in.readDouble();
            int n = in.readInt();
            List<byte[]> pictures = new ArrayList<>(n);
            double[] times = new double[n];
            boolean[] keyframes = new boolean[n];
            boolean[] corrupted = new boolean[n];
            List<byte[]> tileChanges = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                times[i] = in.readDouble();
                keyframes[i] = in.readBoolean();
                corrupted[i] = in.readBoolean();
                byte[] luma = new byte[width * height];
                in.readFully(luma);
                pictures.add(luma);
                byte[] changes = new byte[in.readInt()];
                in.readFully(changes);
                tileChanges.add(changes);
            }
            int events = in.readInt();
            List<Defect> truth = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                double start = in.readDouble();
                double end = in.readDouble();
                truth.add(new Defect(DefectType.BLOCK_CORRUPTION, start, end < 0 ? null : end, null, null));
            }
            return new LabelledStream(stream, width, height, pictures, times, keyframes, corrupted, tileChanges, truth, duration);
        }
    }
}
