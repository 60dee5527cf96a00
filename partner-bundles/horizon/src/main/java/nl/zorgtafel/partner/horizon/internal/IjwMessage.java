package nl.zorgtafel.partner.horizon.internal;

import java.util.Arrays;
import java.util.Optional;

/**
 * The iJw 3.2 messages Horizon sends to the table: each with its BerichtCode, its namespace
 * and the element that lists its products.
 */
enum IjwMessage {
    /** Start zorg: care started. */
    JW305("438", "http://www.istandaarden.nl/ijw/3_2/jw305/schema", "StartProducten", "StartProduct"),
    /** Stop zorg: care ended. */
    JW307("440", "http://www.istandaarden.nl/ijw/3_2/jw307/schema", "StopProducten", "StopProduct");

    static final String VERSION = "3";
    static final String SUBVERSION = "2";

    private final String code;
    private final String namespace;
    private final String productList;
    private final String product;

    IjwMessage(String code, String namespace, String productList, String product) {
        this.code = code;
        this.namespace = namespace;
        this.productList = productList;
        this.product = product;
    }

    static Optional<IjwMessage> ofNamespace(String namespace) {
        return Arrays.stream(values()).filter(message -> message.namespace.equals(namespace)).findFirst();
    }

    static Optional<IjwMessage> ofCode(String code) {
        return Arrays.stream(values()).filter(message -> message.code.equals(code)).findFirst();
    }

    String code() {
        return code;
    }

    String productList() {
        return productList;
    }

    String product() {
        return product;
    }

    /** Whether it reports the end of care: its products carry RedenBeeindiging and Einddatum. */
    boolean endsCare() {
        return this == JW307;
    }

    /** The other message's product list: it does not belong in this one. */
    String otherProductList() {
        return this == JW305 ? JW307.productList : JW305.productList;
    }
}
