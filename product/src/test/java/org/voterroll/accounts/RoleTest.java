package org.voterroll.accounts;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The form of a scope, checked before the database is asked whether the township or district exists (AccountService). */
class RoleTest {

    @Test
    void aScopeOfTheWrongFormIsRefusedInChineseSayingWhatToWrite() {
        assertThatThrownBy(() -> Role.TOWNSHIP.checkScope("34129920")).hasMessageContaining("9位乡镇代码").hasMessageContaining("341299100");
        assertThatThrownBy(() -> Role.TOWNSHIP.checkScope(null)).hasMessageContaining("9位乡镇代码");
        assertThatThrownBy(() -> Role.STATION.checkScope("341299100 02")).hasMessageContaining("选区编码");
        assertThatThrownBy(() -> Role.OPERATOR.checkScope("341299100")).hasMessageContaining("留空");
        assertThatThrownBy(() -> Role.PROVINCE.checkScope("341")).hasMessageContaining("前2位").hasMessageContaining("3412");
        assertThatThrownBy(() -> Role.PROVINCE.checkScope("341299")).as("a county is no province").hasMessageContaining("前4位");
    }

    @Test
    void aScopeOfTheRightFormPasses() {
        assertThatCode(() -> Role.TOWNSHIP.checkScope("341299100")).doesNotThrowAnyException();
        assertThatCode(() -> Role.STATION.checkScope("341299100-02")).doesNotThrowAnyException();
        assertThatCode(() -> Role.OPERATOR.checkScope(null)).doesNotThrowAnyException();
        assertThatCode(() -> Role.PROVINCE.checkScope("34")).doesNotThrowAnyException();
        assertThatCode(() -> Role.PROVINCE.checkScope("3412")).doesNotThrowAnyException();
        assertThatCode(() -> Role.PROVINCE.checkScope(null)).doesNotThrowAnyException();
    }
}
