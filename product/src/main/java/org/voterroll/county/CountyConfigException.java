package org.voterroll.county;

/** A county's reference files are wrong; the message says which file and what to fix. */
public class CountyConfigException extends RuntimeException {
    public CountyConfigException(String message) {
        super(message);
    }
}
