package org.voterroll.identity.match;

import java.util.HashMap;
import java.util.Map;

/**
 * 与户主关系 terms grouped into roles, to tell whether two records of one household can describe the
 * same person. Terms not listed (其他, 非亲属, free text …) are unknown and never conflict.
 */
final class HouseholdRelations {

    enum Role {
        HEAD, SPOUSE, SON, DAUGHTER, FATHER, MOTHER, GRANDSON, GRANDDAUGHTER, GRANDFATHER,
        GRANDMOTHER, BROTHER, SISTER, SON_IN_LAW, DAUGHTER_IN_LAW, FATHER_IN_LAW, MOTHER_IN_LAW
    }

    private static final Map<String, Role> ROLES = new HashMap<>();

    private static void put(Role role, String... terms) {
        for (String t : terms) {
            ROLES.put(t, role);
        }
    }

    static {
        put(Role.HEAD, "户主", "本人");
        put(Role.SPOUSE, "配偶", "妻", "妻子", "夫", "丈夫", "之妻", "之夫", "爱人");
        put(Role.SON, "子", "儿子", "长子", "次子", "三子", "四子", "五子", "养子", "继子", "独生子",
                "其他儿子", "之子");
        put(Role.DAUGHTER, "女", "女儿", "长女", "次女", "三女", "四女", "五女", "养女", "继女",
                "独生女", "其他女儿", "之女");
        put(Role.FATHER, "父", "父亲", "继父", "养父");
        put(Role.MOTHER, "母", "母亲", "继母", "养母");
        put(Role.GRANDSON, "孙子", "外孙子", "外孙", "孙");
        put(Role.GRANDDAUGHTER, "孙女", "外孙女");
        put(Role.GRANDFATHER, "祖父", "外祖父", "爷爷", "外公");
        put(Role.GRANDMOTHER, "祖母", "外祖母", "奶奶", "外婆");
        put(Role.BROTHER, "兄", "弟", "哥哥", "弟弟", "兄弟");
        put(Role.SISTER, "姐", "妹", "姐姐", "妹妹", "姐妹");
        put(Role.SON_IN_LAW, "女婿");
        put(Role.DAUGHTER_IN_LAW, "儿媳", "媳妇", "儿媳妇");
        put(Role.FATHER_IN_LAW, "公公", "岳父");
        put(Role.MOTHER_IN_LAW, "婆婆", "岳母");
    }

    private HouseholdRelations() {
    }

    /** The role of a relation term, or null when unknown or missing. */
    static Role role(String relation) {
        if (relation == null) {
            return null;
        }
        return ROLES.get(relation.strip());
    }

    /**
     * True when both relations are known and one person cannot hold both in one household: 户主 vs
     * 子, 子 vs 女, 父 vs 母. Two records that are both 户主 (or both 配偶) do not conflict: a household
     * has one head, so they are consistent with — indeed point to — one person.
     */
    static boolean conflict(String a, String b) {
        Role x = role(a);
        Role y = role(b);
        return x != null && y != null && x != y;
    }
}
