/**
 * Where streams come from: HLS playlists and their segments, and the policy that decides which sources a
 * deployed function may fetch at all.
 */
package avmon.core.source;
