package io.enif.storage.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** Naming, listing, copying and pruning {@code checkpoint.<decree>} directories. */
public final class Checkpoints {
    /** The directory-name prefix of a checkpoint. */
    public static final String PREFIX = "checkpoint.";

    private Checkpoints() {}

    /** The directory of the checkpoint at {@code decree} under {@code parent}. */
    public static Path dirFor(Path parent, long decree) {
        return parent.resolve(PREFIX + decree);
    }

    /** The decree a checkpoint directory name carries, or empty when the name is not {@code checkpoint.<decree>}. */
    public static OptionalLong decreeOf(Path dir) {
        String name = dir.getFileName().toString();
        if (!name.startsWith(PREFIX)) {
            return OptionalLong.empty();
        }
        String digits = name.substring(PREFIX.length());
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9') || digits.length() > 18) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(digits));
    }

    /** The decrees of the checkpoints under {@code parent}, ascending (empty when it does not exist). */
    public static List<Long> list(Path parent) throws IOException {
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        List<Long> decrees = new ArrayList<>();
        try (Stream<Path> children = Files.list(parent)) {
            children.filter(Files::isDirectory)
                    .map(Checkpoints::decreeOf)
                    .filter(OptionalLong::isPresent)
                    .forEach(d -> decrees.add(d.getAsLong()));
        }
        Collections.sort(decrees);
        return decrees;
    }

    /** Deletes all but the newest {@code keep} checkpoints under {@code parent}; returns the decrees deleted. */
    public static List<Long> retainNewest(Path parent, int keep) throws IOException {
        if (keep < 0) {
            throw new IllegalArgumentException("keep must be >= 0: " + keep);
        }
        List<Long> decrees = list(parent);
        List<Long> deleted = new ArrayList<>(decrees.subList(0, Math.max(0, decrees.size() - keep)));
        for (long decree : deleted) {
            deleteRecursively(dirFor(parent, decree));
        }
        return deleted;
    }

    /** Copies a checkpoint (or any database directory) into {@code target}, which must not exist yet. */
    public static void copy(Path checkpoint, Path target) throws IOException {
        if (Files.exists(target)) {
            throw new IOException("copy target already exists: " + target);
        }
        try (Stream<Path> files = Files.walk(checkpoint)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path dest = target.resolve(checkpoint.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(source, dest, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Deletes a directory tree (nothing when it does not exist). */
    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
