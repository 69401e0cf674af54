package org.voterroll.normalize;

/**
 * Thrown when a raw value cannot be used at all. The message is a short Chinese + English
 * reason fit for a reject report, e.g. {@code "出生日期无法识别 (unparseable date): 2023-13-45"}.
 * A message never contains a full identity number: those are masked with {@link IdNumbers#mask}.
 */
public class InvalidValueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidValueException(String message) {
        super(message);
    }
}
