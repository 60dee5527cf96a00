package nl.zorgtafel.partner.testkit;

/**
 * The family of an adapter's inbound format. The hostile inputs are built per family: deep
 * nesting means arrays and objects in JSON, elements in XML, and nothing in CSV; entity
 * attacks only make sense for XML.
 */
public enum MediaFamily {
    JSON,
    XML,
    CSV
}
