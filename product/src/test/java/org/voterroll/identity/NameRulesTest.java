package org.voterroll.identity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NameRulesTest {

    @Test
    void agreeingNamesAreEqualOrAVariantButNeverOneCharacterApart() {
        assertTrue(NameRules.agree("王丽", "王丽"));
        assertTrue(NameRules.agree("王丽", "王莉"), "homophone");
        assertTrue(NameRules.agree("买买提·艾力", "买买提艾力"), "dot");
        assertTrue(NameRules.agree("张*明", "张晓明"), "wildcard");
        assertFalse(NameRules.agree("蒋经国", "蒋纬国"));
        assertFalse(NameRules.agree("王丽", null));
    }

    @Test
    void oneGivenCharacterApartKeepsTheSurname() {
        assertTrue(NameRules.oneGivenCharApart("王建国", "王建华"));
        assertTrue(NameRules.oneGivenCharApart("蒋经国", "蒋纬国"));
        assertTrue(NameRules.oneGivenCharApart("王伟", "王芳"));
        assertFalse(NameRules.oneGivenCharApart("王丽", "李丽"), "another surname");
        assertFalse(NameRules.oneGivenCharApart("王丽", "王莉"), "a homophone agrees: it is not a difference");
        assertFalse(NameRules.oneGivenCharApart("王建国", "王建"), "another length");
        assertFalse(NameRules.oneGivenCharApart("王建国", "王志华"), "two characters");
        assertFalse(NameRules.oneGivenCharApart("王建国", null));
        assertFalse(NameRules.oneGivenCharApart("", "王"));
    }

    /** Issue 18: 朱洁猛 for 朱杰猛 was repaired as certain and acted on. */
    @Test
    void theSameNameForARepairFoldsDotsAndWildcardsButNotHomophones() {
        assertTrue(NameRules.same("朱杰猛", "朱杰猛"));
        assertTrue(NameRules.same("买买提·艾力", "买买提艾力"), "dot");
        assertTrue(NameRules.same("张*明", "张晓明"), "wildcard");
        assertTrue(NameRules.same("王超?", "王超赟"), "wildcard");
        assertFalse(NameRules.same("朱洁猛", "朱杰猛"), "homophone");
        assertFalse(NameRules.same("王丽", "王莉"), "homophone");
        assertFalse(NameRules.same("蒋经国", "蒋纬国"), "one character");
        assertFalse(NameRules.same("王丽", null));
    }
}
