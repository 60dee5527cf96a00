package nl.zorgtafel.api.model;

/** Whether the table is still working on a case. */
public enum CaseStatus {
    OPEN("open"),
    CLOSED("closed");

    private final String code;

    CaseStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
