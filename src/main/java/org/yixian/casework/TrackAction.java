package org.yixian.casework;

/**
 * A named action of a track, with its name on the wire ({@code POST
 * /cases/{id}/actions/{name}}) and the record its body is read into.
 */
public interface TrackAction {

	String wireName();

	Class<? extends Record> command();

}
