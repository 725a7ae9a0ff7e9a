package io.tglive.run.aws;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secret strings this process holds (secret keys, session tokens), so that any text bound for a
 * log or an exception message can be cleaned of them first.
 */
public final class Secrets {

    /** What a secret is replaced with. */
    public static final String MASK = "****";

    /** Shorter strings are not masked: they would mangle ordinary text and are no real secret. */
    private static final int MIN_LENGTH = 8;

    private final Set<String> known = ConcurrentHashMap.newKeySet();

    /** Remembers {@code secret}, if it is long enough to be one. */
    public void add(String secret) {
        if (secret != null && secret.length() >= MIN_LENGTH) {
            known.add(secret);
        }
    }

    /** {@code text} with every known secret replaced by {@link #MASK}; {@code null} stays {@code null}. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : known) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        return out;
    }
}
