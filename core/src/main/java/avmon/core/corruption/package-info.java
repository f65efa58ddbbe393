/**
 * Block corruption recognised in pictures by a small trained CNN: the network ({@link
 * avmon.core.corruption.CorruptionNet}), its pre- and post-processing ({@link
 * avmon.core.corruption.CorruptionTranslator}), the committed model loaded once per process ({@link
 * avmon.core.corruption.CorruptionModel}) and the detector built on it ({@link
 * avmon.core.corruption.CorruptionModelDetector}). Training lives in {@code avmon.core.corruption.train}.
 */
package avmon.core.corruption;
