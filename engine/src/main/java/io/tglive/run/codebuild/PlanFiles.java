package io.tglive.run.codebuild;

import io.tglive.run.RunnerException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Carries plan files between the runner's machine and its builds through S3, addressed and checked by
 * their SHA-256: a file whose bytes do not hash to the expected value is refused, never used.
 */
final class PlanFiles {

    private final BuildStorage storage;
    private final UnitFolder folder;

    PlanFiles(BuildStorage storage, UnitFolder folder) {
        this.storage = storage;
        this.folder = folder;
    }

    /** Makes the local plan file available to a build (uploads it unless S3 has it); returns its SHA-256. */
    String publish(Path local) throws RunnerException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(local);
        } catch (IOException e) {
            throw new RunnerException("cannot read the plan file " + local + ": " + e.getMessage(), false, e);
        }
        String sha = sha256(bytes);
        String key = folder.plan(sha);
        if (!storage.exists(key)) {
            storage.write(key, bytes);
        }
        return sha;
    }

    /**
     * Downloads the plan file a build recorded under {@code recordedSha}, checks that its bytes hash to
     * it, and only then writes it to {@code local} (atomically).
     */
    void fetch(String recordedSha, Path local) throws RunnerException {
        String sha = recordedSha.strip();
        if (!UnitFolder.isSha256(sha)) {
            throw new RunnerException("the plan build recorded '" + sha + "' as the plan file's SHA-256,"
                    + " which is not one; the plan file is refused", false);
        }
        String key = folder.plan(sha);
        byte[] bytes = storage.read(key).orElseThrow(() -> new RunnerException(
                "the plan file " + storage.url(key) + " recorded by the plan build does not exist", false));
        String actual = sha256(bytes);
        if (!actual.equals(sha)) {
            throw new RunnerException("the plan file " + storage.url(key) + " has SHA-256 " + actual
                    + ", not the " + sha + " its plan build recorded; it is refused and nothing may apply it", false);
        }
        try {
            Files.createDirectories(local.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(local.toAbsolutePath().getParent(), ".plan-", ".part");
            Files.write(temp, bytes);
            try {
                Files.move(temp, local, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, local, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new RunnerException("cannot write the plan file " + local + ": " + e.getMessage(), false, e);
        }
    }

    /** The SHA-256 of {@code bytes}, in lowercase hex. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
