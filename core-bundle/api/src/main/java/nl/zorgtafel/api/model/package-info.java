/**
 * The canonical case model of the table: youths, signals, care trajectories, measures,
 * investigations, advice, cases, meetings and agreements, as immutable records.
 *
 * <p>Every partner format is translated into these types and nothing else; the core keeps
 * them. The types validate what they can check alone (an elfproef, a date order) and
 * carry no behaviour beyond that.
 */
@Version("1.0.0")
package nl.zorgtafel.api.model;

import org.osgi.annotation.versioning.Version;
