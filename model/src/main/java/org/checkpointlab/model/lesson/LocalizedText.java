package org.checkpointlab.model.lesson;

import java.util.Locale;
import java.util.Objects;

/**
 * A text of a lesson in the languages lessons are written in: English and Simplified Chinese (zh-CN).
 *
 * @param en   English
 * @param zhCn Simplified Chinese, with Flink's Chinese terms (检查点, 保存点, 屏障, 对齐, 反压, 状态后端)
 */
public record LocalizedText(String en, String zhCn) {
    public LocalizedText {
        Objects.requireNonNull(en, "en");
        Objects.requireNonNull(zhCn, "zhCn");
    }

    /** The text for {@code locale}: Chinese for any {@code zh} locale, else English. */
    public String in(Locale locale) {
        return isChinese(locale) ? zhCn : en;
    }

    /** Whether lessons are shown in Chinese for {@code locale}. */
    public static boolean isChinese(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage());
    }
}
