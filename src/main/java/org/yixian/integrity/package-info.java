/**
 * Integrity (让滥用可见): makes abuses of the case core visible. Flags with structured
 * evidence — complaints recoded as consultations after dispatch, cases bounced between
 * units, replies that are too short or miss the question's key terms, return visits that
 * look scripted, back-dated entries — detected from casework's domain events and by a
 * scheduled scan, reviewed by supervisors within their unit subtree under the
 * confidentiality policy. {@code verify-audit} re-computes every case timeline's hash
 * chain and the operation log's chain and names the first broken link. It listens to
 * casework and reads cases only through its public API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Integrity")
package org.yixian.integrity;
