package org.voterroll.generate;

import com.ibm.icu.text.Transliterator;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Chinese names: surnames with realistic weights (incl. 单 曾 区 仇 解 查 朴 and 欧阳 司马), given-name characters,
 * minority names with a middle dot, homophones (同音字, from pinyin4j) and traditional spellings (ICU Hans-Hant),
 * all precomputed per character so that generation is fast and deterministic.
 */
final class Names {
    static final String DOT = "·";
    private static final String[] DOT_VARIANTS = {"•", ".", "・", "▪", ""};

    private static final String[] SURNAMES = {
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
        "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡",
        "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金",
        "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "闫", "段", "雷", "侯",
        "龙", "史", "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "覃", "武", "戴", "莫", "孔", "向", "汤",
        "单", "区", "仇", "解", "查", "朴", "欧阳", "司马"};
    private static final int[] SURNAME_W = {
        72, 72, 68, 53, 46, 32, 24, 20, 20, 19, 15, 15, 13, 13, 12, 12, 11, 10, 10, 9,
        9, 9, 7, 7, 6, 6, 6, 6, 6, 6, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4,
        4, 4, 4, 4, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
        3, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
        2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 2, 2, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1};
    private static final String MALE =
        "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林洋阳晨博文志建国东海峰亮成新春立永庆德昌荣兵福生民光天子睿轩泽然宏毅江河山松柏振家航哲祥瑞豪晖铭启彬锋";
    private static final String FEMALE =
        "芳娜敏静丽艳娟霞秀玲燕萍红琳婷雪慧莹倩洁梅兰英华琴云颖欣怡佳悦晶瑶璐露蕾薇岚凤珍月桂春彤萱雯妍琪嘉涵诗思雨梦婉宁晓小亚丹蓉莉菲珊媛";
    /** rare characters that other agencies' systems replace by * or ? */
    static final String RARE = "喆堃淼犇燚珺玥翀赟昇";
    /** extra common characters: only candidates for homophone typing */
    private static final String EXTRA =
        "力立利历励俐李理礼里黎莅沥栗厉丽荔鹂维卫为位未味魏伟玮炜苇纬薇微威巍围唯惟蔚慰尉谓渭胃"
        + "方芳坊舫纺仿放房防敏闽民皿悯抿静敬竞镜境径净竟婧靖晶精经京荆菁睛鲸井景警颈燕艳雁焰宴验砚"
        + "岩言严研盐颜延沿炎演眼娟涓鹃卷倦绢眷隽霞侠峡狭辖夏下吓匣玲铃龄凌灵零岭领令另翎伶苓菱聆"
        + "红宏洪鸿虹弘泓竑琳林霖临邻淋麟磷鳞婷亭庭廷停挺艇雪薛学穴血慧惠会汇绘卉晦讳蕙秽"
        + "莹盈营迎赢荧萤蝇影颖应硬映英鹰樱婴缨瑛倩欠歉纤谦牵铅千迁签前钱潜浅遣洁杰结捷节劫睫"
        + "梅玫枚媒眉霉煤没美每兰蓝栏篮岚澜谰琴勤芹秦禽擒沁云芸耘匀允运韵晕孕蕴欣新心辛昕鑫信"
        + "怡宜仪移遗夷疑姨贻佳家加嘉伽迦夹甲悦越月阅跃粤岳乐瑶遥摇谣尧姚窑耀要药璐路露鹿录陆禄"
        + "鹭蕾雷磊垒泪类累凤风丰峰锋封蜂枫疯冯逢缝珍真针侦贞桢臻甄彤同童桐铜瞳萱宣轩喧暄玄悬旋"
        + "雯文纹闻蚊温稳问妍言研颜延琪奇棋旗骑其期欺齐祈涵含寒韩函汉翰诗师施狮湿失思丝司私斯"
        + "雨语宇羽禹与玉域育狱欲梦孟婉晚碗宛挽皖宁凝柠狞晓小笑校效孝肖亚雅压鸭牙芽崖丹单担耽"
        + "蓉荣容融熔溶菲飞非妃啡霏珊山杉衫删姗媛元园原圆袁源缘援猿远强墙蔷抢枪羌磊军君均钧俊"
        + "骏峻竣浚勇涌永泳咏涛桃陶淘逃萄滔韬斌彬宾滨缤冰兵超朝潮巢钞炒明名鸣铭茗冥刚钢纲岗港"
        + "平评萍瓶凭屏辉徽挥灰恢晖鹏朋彭棚蓬华滑化划桦话飞波博柏伯泊勃渤宇雨羽语浩豪好号郝凯"
        + "楷恺铠健建剑见件俊帆凡繁烦帅旭序叙绪续龙隆笼聋洋阳杨扬养仰晨辰尘沉陈臣文闻志智治致"
        + "至制质置建国果过东冬董懂海亥害峰亮量谅靓成城诚承程春纯唇庆青清轻卿德得昌常长唱荣福"
        + "富夫扶服生声升胜民光广天田添甜子紫自梓睿锐瑞蕊轩泽则择然冉燃毅艺亿义益江将姜讲山善";

    private static final String[] MINORITY_MALE = {"买买提", "艾力", "阿不都", "吐尔逊", "依明", "热合曼", "阿布拉", "麦麦提", "艾买提", "努尔"};
    private static final String[] MINORITY_FEMALE = {"古丽", "热依拉", "阿依古丽", "帕提古丽", "努尔古丽", "米娜", "阿依努尔", "祖丽"};
    private static final String[] MINORITY_LAST = {"艾力", "吾斯曼", "托合提", "买买提", "阿布都", "哈斯木", "卡德尔", "伊力", "司马义", "吐尔洪"};

    private final int[] surnameCum;
    private final Map<Character, String[]> readings = new HashMap<>();
    /** per BMP character: ids of its toneless readings (null if unknown) */
    private final int[][] readingIds = new int[65536][];
    private final Map<Character, String> toned = new HashMap<>();
    private final Map<Character, char[]> homophones = new HashMap<>();
    private final Map<Character, Character> traditional = new HashMap<>();

    Names() {
        surnameCum = new int[SURNAMES.length];
        int c = 0;
        for (int i = 0; i < SURNAMES.length; i++) {
            c += SURNAME_W[i];
            surnameCum[i] = c;
        }
        HanyuPinyinOutputFormat tone = new HanyuPinyinOutputFormat();
        tone.setToneType(HanyuPinyinToneType.WITH_TONE_NUMBER);
        tone.setVCharType(HanyuPinyinVCharType.WITH_V);
        tone.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        StringBuilder all = new StringBuilder();
        for (String s : SURNAMES) {
            all.append(s);
        }
        for (String s : MINORITY_MALE) {
            all.append(s);
        }
        for (String s : MINORITY_FEMALE) {
            all.append(s);
        }
        for (String s : MINORITY_LAST) {
            all.append(s);
        }
        all.append(MALE).append(FEMALE).append(RARE).append(EXTRA);
        LinkedHashSet<Character> chars = new LinkedHashSet<>();
        for (char ch : all.toString().toCharArray()) {
            chars.add(ch);
        }
        Transliterator toHant = Transliterator.getInstance("Hans-Hant");
        Transliterator toHans = Transliterator.getInstance("Hant-Hans");
        Map<String, List<Character>> byTone = new HashMap<>();
        Map<String, Integer> readingId = new HashMap<>();
        for (char ch : chars) {
            String[] r;
            try {
                r = PinyinHelper.toHanyuPinyinStringArray(ch, tone);
            } catch (BadHanyuPinyinOutputFormatCombination e) {
                throw new IllegalStateException(e);
            }
            if (r == null || r.length == 0) {
                throw new IllegalStateException("no pinyin for " + ch);
            }
            LinkedHashSet<String> plain = new LinkedHashSet<>();
            for (String p : r) {
                plain.add(p.replaceAll("[0-9]", ""));
            }
            readings.put(ch, plain.toArray(new String[0]));
            int[] ids = new int[plain.size()];
            int ix = 0;
            for (String p : plain) {
                ids[ix++] = readingId.computeIfAbsent(p, x -> readingId.size() + 1);
            }
            readingIds[ch] = ids;
            toned.put(ch, r[0]);
            byTone.computeIfAbsent(r[0], k -> new ArrayList<>()).add(ch);
            String t = toHant.transliterate(String.valueOf(ch));
            // not where the traditional form is a simplified character of its own that names keep (于 → 於, the surname 於)
            if (t.length() == 1 && t.charAt(0) != ch && toHans.transliterate(t).equals(String.valueOf(ch))
                    && org.voterroll.normalize.Names.normalize(t).value().equals(String.valueOf(ch))) {
                traditional.put(ch, t.charAt(0));
            }
        }
        String givenPool = MALE + FEMALE;
        for (char ch : givenPool.toCharArray()) {
            List<Character> same = byTone.get(toned.get(ch));
            StringBuilder alt = new StringBuilder();
            for (char o : same) {
                // a different character, pronounced the same (first reading, tone included), single-reading itself
                if (o != ch && RARE.indexOf(o) < 0 && readings.get(o).length == 1) {
                    alt.append(o);
                }
            }
            if (alt.length() > 0) {
                homophones.put(ch, alt.toString().toCharArray());
            }
        }
    }

    String surname(Rng r) {
        int x = r.nextInt(surnameCum[surnameCum.length - 1]);
        for (int i = 0; i < surnameCum.length; i++) {
            if (x < surnameCum[i]) {
                return SURNAMES[i];
            }
        }
        throw new AssertionError();
    }

    String given(Rng r, boolean male) {
        String pool = male ? MALE : FEMALE;
        StringBuilder b = new StringBuilder(2);
        b.append(pool.charAt(r.nextInt(pool.length())));
        if (r.chance(0.72)) {
            char c = r.chance(0.015) ? RARE.charAt(r.nextInt(RARE.length())) : pool.charAt(r.nextInt(pool.length()));
            b.append(c);
        }
        return b.toString();
    }

    String minority(Rng r, boolean male) {
        String first = male ? r.pick(MINORITY_MALE) : r.pick(MINORITY_FEMALE);
        String last = r.pick(MINORITY_LAST);
        while (last.equals(first)) {
            last = r.pick(MINORITY_LAST);
        }
        return first + DOT + last;
    }

    /** the name, one given-name character replaced by a homophone; null if none is possible */
    String homophone(String name, int surnameLen, Rng r) {
        if (name.contains(DOT)) {
            return null;
        }
        List<Integer> pos = new ArrayList<>();
        for (int i = surnameLen; i < name.length(); i++) {
            if (homophones.containsKey(name.charAt(i))) {
                pos.add(i);
            }
        }
        if (pos.isEmpty()) {
            return null;
        }
        int i = pos.get(r.nextInt(pos.size()));
        char[] alt = homophones.get(name.charAt(i));
        char[] c = name.toCharArray();
        c[i] = alt[r.nextInt(alt.length)];
        return new String(c);
    }

    /** the name, one given-name character replaced by a common one of the sex that sounds different; null if none is possible */
    String oneCharSlip(String name, int surnameLen, boolean male, Rng r) {
        if (name.contains(DOT) || name.length() <= surnameLen) {
            return null;
        }
        int i = surnameLen + r.nextInt(name.length() - surnameLen);
        String pool = male ? MALE : FEMALE;
        for (int tries = 0; tries < 20; tries++) {
            char c = pool.charAt(r.nextInt(pool.length()));
            if (c != name.charAt(i) && !shareReading(c, name.charAt(i))) {
                char[] out = name.toCharArray();
                out[i] = c;
                return new String(out);
            }
        }
        return null;
    }

    private boolean shareReading(char a, char b) {
        int[] x = readingIds[a];
        int[] y = readingIds[b];
        if (x == null || y == null) {
            return false;
        }
        for (int p : x) {
            for (int q : y) {
                if (p == q) {
                    return true;
                }
            }
        }
        return false;
    }

    /** traditional spelling (陈→陳); the name itself if no character changes */
    String traditional(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            Character t = traditional.get(c);
            b.append(t == null ? c : t);
        }
        return b.toString();
    }

    /**
     * Every toneless pinyin spelling of a name (all readings of polyphonic characters, at most 8), middle dots
     * removed: two names sharing one spelling are equal or homophones.
     */
    List<String> spellings(String name) {
        List<String> acc = new ArrayList<>();
        acc.add("");
        for (char c : name.toCharArray()) {
            if (c == '·') {
                continue;
            }
            String[] r = readings.get(c);
            if (r == null) {
                r = new String[] {String.valueOf(c)};
            }
            List<String> next = new ArrayList<>();
            for (String a : acc) {
                for (String p : r) {
                    if (next.size() < 8) {
                        next.add(a + p + ' ');
                    }
                }
            }
            acc = next;
        }
        return acc;
    }

    /**
     * Hashes of every toneless pinyin spelling of a name (as {@link #spellings}, at most 8), middle dots removed.
     *
     * @return the number of hashes written to {@code out}
     */
    int spellingHashes(String name, long[] out) {
        out[0] = 0xcbf29ce484222325L;
        int count = 1;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '·') {
                continue;
            }
            int[] ids = readingIds[c];
            if (ids == null) {
                ids = new int[] {100000 + c};
            }
            if (ids.length == 1 || count * ids.length > out.length) {
                for (int j = 0; j < count; j++) {
                    out[j] = (out[j] ^ ids[0]) * 0x100000001b3L;
                }
            } else {
                int n = count;
                for (int a = ids.length - 1; a >= 0; a--) {
                    for (int j = 0; j < n; j++) {
                        out[a * n + j] = (out[j] ^ ids[a]) * 0x100000001b3L;
                    }
                }
                count = n * ids.length;
            }
        }
        return count;
    }

    static String dotVariant(String name, Rng r) {
        return name.replace(DOT, r.pick(DOT_VARIANTS));
    }

    /** a rare character replaced by * or ? (other agencies' systems cannot type it) */
    static String wildcard(String name, Rng r) {
        StringBuilder b = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            b.append(RARE.indexOf(c) >= 0 ? (r.chance(0.5) ? '*' : '?') : c);
        }
        return b.toString();
    }

    static boolean hasRare(String name) {
        for (char c : name.toCharArray()) {
            if (RARE.indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    int homophoneCount() {
        return homophones.size();
    }

    int traditionalCount() {
        return traditional.size();
    }
}
