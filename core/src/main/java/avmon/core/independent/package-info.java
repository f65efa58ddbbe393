/**
 * Test clips made without the project's generator: other encoders (MPEG-4 Part 2 with B-frames, VP8, H.264 with
 * rate control and long GOPs) driven through JavaCV's {@code FFmpegFrameRecorder}, colour content of their own,
 * damage by overwriting packet bytes in any codec, and ground truth from comparing the damaged decode with the
 * clean one. They check that the block corruption signals were not tuned to the generator's streams.
 */
package avmon.core.independent;
