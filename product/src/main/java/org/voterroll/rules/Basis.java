package org.voterroll.rules;

/** 登记依据: which district rule placed a listed person. */
public enum Basis {
    UNIT("工作单位"), RESETTLED("安置地"), RESIDENCE("居住地"), PROOF("资格证明"), HUKOU("户籍地"), DECIDED("乡镇指定");

    private final String label;

    Basis(String label) { this.label = label; }

    public String label() { return label; }
}
