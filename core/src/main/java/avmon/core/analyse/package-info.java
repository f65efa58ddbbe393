/**
 * The detector step of the serverless design: one detector over one stored segment, with the detector's state
 * handed in and handed back as JSON. The detector function is a thin handler over it.
 */
package avmon.core.analyse;
