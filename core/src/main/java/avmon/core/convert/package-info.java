/**
 * The media converter of the serverless design: one segment of a stream in, its analysis frames and audio
 * in a {@link avmon.core.store.FrameStore} out. The converter function is a thin handler over it.
 */
package avmon.core.convert;
