/**
 * How the block-corruption model is made: streams of every picture content are generated, their bitstreams
 * damaged over chosen ranges, decoded and labelled picture by picture against the clean decode ({@link
 * avmon.core.corruption.train.StreamLabeller}); train, validation and test streams never share a seed, a
 * damage range or a content instance ({@link avmon.core.corruption.train.TrainingPlan}); the network is
 * trained ({@link avmon.core.corruption.train.CorruptionTrainer}) and judged on the held-out streams through
 * the detector itself ({@link avmon.core.corruption.train.ModelEvaluation}).
 */
package avmon.core.corruption.train;
