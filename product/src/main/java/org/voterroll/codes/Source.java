package org.voterroll.codes;

import java.util.List;
import java.util.Optional;

/** The eight sources of SOURCES.md: file-name prefix, Chinese name, required and optional headers. */
public enum Source {
    HUJI("huji", "公安户籍",
            List.of("公民身份号码", "姓名", "性别", "出生日期", "户号", "户籍地址", "户籍地区划代码", "人员状态"),
            List.of("曾用名", "民族", "与户主关系", "状态变动日期", "迁往地区划代码")),
    LIUDONG("liudong", "流动人口",
            List.of("公民身份号码", "姓名", "户籍地区划代码", "居住地址", "居住地区划代码", "登记日期"),
            List.of("性别", "出生日期", "注销日期", "居住事由")),
    SHEBAO("shebao", "社保",
            List.of("社会保障号码", "姓名", "参保状态"),
            List.of("性别", "出生日期", "参保单位名称", "统一社会信用代码", "终止原因", "终止日期")),
    TONGJI("tongji", "统计",
            List.of("住户编码", "调查地址", "调查地区划代码", "姓名", "性别", "出生年月", "居住状态"),
            List.of("公民身份号码", "户口登记地", "外出去向")),
    CHAIQIAN("chaiqian", "拆迁安置",
            List.of("被征收户编号", "姓名", "原区划代码", "安置方式"),
            List.of("项目名称", "公民身份号码", "与户主关系", "原房屋地址", "安置地址", "安置区划代码", "交房日期", "拆除日期")),
    MINZHENG("minzheng", "民政殡葬",
            List.of("公民身份号码", "姓名", "死亡日期"),
            List.of("性别", "火化日期")),
    XUANWEI("xuanwei", "选委权利状态",
            List.of("公民身份号码", "姓名", "类型", "起始日期"),
            List.of("终止日期", "决定机关", "文号")),
    WAIDI("waidi", "外地选委往来",
            List.of("公民身份号码", "姓名", "类型", "对方区划代码", "日期"),
            List.of("对方选举委员会"));

    private final String prefix;
    private final String label;
    private final List<String> required;
    private final List<String> optional;

    Source(String prefix, String label, List<String> required, List<String> optional) {
        this.prefix = prefix;
        this.label = label;
        this.required = required;
        this.optional = optional;
    }

    public String prefix() { return prefix; }
    public String label() { return label; }
    public List<String> required() { return required; }
    public List<String> optional() { return optional; }

    /**
     * The fixed list whose code load keeps as a record's status (src_record.status): huji's 人员状态, shebao's 参保状态,
     * tongji's 居住状态, chaiqian's 安置方式; empty for the sources without one.
     */
    public Optional<CodeList<?>> statusList() {
        return Optional.ofNullable(switch (this) {
            case HUJI -> HujiStatus.LIST;
            case SHEBAO -> InsuranceStatus.LIST;
            case TONGJI -> ResidenceStatus.LIST;
            case CHAIQIAN -> ResettlementMode.LIST;
            default -> null;
        });
    }

    /**
     * The fixed list whose code load keeps as a record's kind (src_record.kind): xuanwei's and waidi's 类型; empty for the
     * others (liudong's 居住事由 and tongji's 户口登记地 are kept there as delivered text).
     */
    public Optional<CodeList<?>> kindList() {
        return Optional.ofNullable(switch (this) {
            case XUANWEI -> RightsDecision.LIST;
            case WAIDI -> NoticeKind.LIST;
            default -> null;
        });
    }

    /** Every header this source knows, required first: the canonical order of a row's values. */
    public List<String> headers() {
        return java.util.stream.Stream.concat(required.stream(), optional.stream()).toList();
    }

    /** The source of a delivery file: the prefix of its name before the first '_' (SOURCES.md). */
    public static Optional<Source> ofFileName(String fileName) {
        int cut = fileName.indexOf('_');
        String prefix = (cut < 0 ? stripExtension(fileName) : fileName.substring(0, cut)).toLowerCase(java.util.Locale.ROOT);
        for (Source s : values()) {
            if (s.prefix.equals(prefix)) return Optional.of(s);
        }
        return Optional.empty();
    }

    /** The source of a prefix as src_record, reject and the step names keep it ("huji"). */
    public static Optional<Source> ofPrefix(String prefix) {
        for (Source s : values()) if (s.prefix.equals(prefix)) return Optional.of(s);
        return Optional.empty();
    }

    private static String stripExtension(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
