/**
 * Embedded AWS for local runs and tests. This module knows nothing of avmon's domain: it hosts any
 * state machine and, later, any {@code RequestHandler}.
 */
package avmon.local;
