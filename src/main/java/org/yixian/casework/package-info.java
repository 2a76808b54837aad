/**
 * Casework: the one case core of both tracks. Intake from every channel, numbering and
 * query codes, the dispatch to the responsible unit, the demand (接诉即办) state machine with
 * its named transitions, deadlines and warning levels, co-handling, extensions, review,
 * return visits, re-handling, merging and splitting, supervision and escalation, and the
 * append-only, hash-chained timeline of every case.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Casework")
package org.yixian.casework;
