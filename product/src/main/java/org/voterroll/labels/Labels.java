package org.voterroll.labels;

import java.util.Map;

import org.voterroll.codes.Source;

/**
 * The Chinese a clerk or operator reads for the codes the batch keeps: run and step statuses, step names, audit actions.
 * The codes stay what the database, the command line and the JSON API use; pages show these labels. A code without a
 * label is shown as it is, never dropped (a status added later is still visible).
 */
public final class Labels {
    private Labels() {}

    private static final Map<String, String> STATUS = Map.ofEntries(
            // table run
            Map.entry("RUNNING", "运行中"), Map.entry("COMPLETED", "已完成"), Map.entry("FAILED", "失败"),
            Map.entry("NEEDS_CONFIRMATION", "待确认"), Map.entry("REFUSED", "已拒绝发布"),
            // Spring Batch's step and job statuses
            Map.entry("STARTING", "启动中"), Map.entry("STARTED", "进行中"), Map.entry("STOPPING", "停止中"),
            Map.entry("STOPPED", "已停止"), Map.entry("ABANDONED", "已放弃"), Map.entry("UNKNOWN", "未知"),
            // a county of a province run whose partition has no step execution yet
            Map.entry("NOT_STARTED", "未开始"));

    private static final Map<String, String> STEP = Map.ofEntries(
            Map.entry("prepare", "准备"), Map.entry("load", "载入"), Map.entry("resolve", "人员识别"), Map.entry("decide", "选区判定"),
            Map.entry("roll", "名册编制"), Map.entry("guard", "发布前检查"), Map.entry("publish", "发布"),
            // the province job's (ManagerConfiguration)
            Map.entry("counties", "各县核对"), Map.entry("check", "跨县检查"), Map.entry("exchange", "省内往来文件"));

    private static final Map<String, String> AUDIT = Map.of(
            "LOGIN", "登录", "LOGIN_FAILED", "登录失败", "LOGOUT", "退出", "DECISION", "异常处理决定", "DOWNLOAD", "下载",
            "DENIED", "拒绝访问", "ACCOUNT", "账户变更", "RUN", "运行操作", "SESSION_ENDED", "会话结束");

    /** The partition of the load step for one source: its step name is "loadSource:source-" and the source's file prefix. */
    private static final String LOAD_SOURCE = "loadSource:source-";

    public static String status(String code) {
        return code == null ? "" : STATUS.getOrDefault(code, code);
    }

    /** prepare → 准备, loadSource:source-huji → 载入 公安户籍. */
    public static String step(String name) {
        if (name == null) return "";
        if (name.startsWith(LOAD_SOURCE)) {
            String prefix = name.substring(LOAD_SOURCE.length());
            return STEP.get("load") + " " + Source.ofPrefix(prefix).map(Source::label).orElse(prefix);
        }
        return STEP.getOrDefault(name, name);
    }

    public static String auditAction(String code) {
        return code == null ? "" : AUDIT.getOrDefault(code, code);
    }

    /** The audit actions with their labels, in the order of the audit page's filter. */
    public static Map<String, String> auditActions() {
        Map<String, String> all = new java.util.LinkedHashMap<>();
        for (String a : new String[] {"LOGIN", "LOGIN_FAILED", "LOGOUT", "SESSION_ENDED", "DENIED", "DECISION", "DOWNLOAD", "ACCOUNT", "RUN"}) {
            all.put(a, AUDIT.get(a));
        }
        return all;
    }
}
