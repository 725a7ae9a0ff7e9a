package io.tglive.run;

/** Receives a command's output, a line at a time, as it is produced (the unit's log). */
@FunctionalInterface
public interface CommandLog {

    /** One line of output, without its line terminator. */
    void line(String text);
}
