package dev.pulse.local.kinesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checkpoints in a small JSON file under {@code .pulse/checkpoints}, replaced atomically on every commit, so a crash
 * leaves either the old or the new checkpoint and a restart resumes right after the last committed record.
 */
public final class FileCheckpointStore implements CheckpointStore {
    private final Path file;
    private final Map<String, String> sequences = new TreeMap<>();
    private final Set<String> ended = new HashSet<>();

    public FileCheckpointStore(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try {
                JsonNode root = Json.mapper().readTree(file.toFile());
                root.path("checkpoints")
                        .properties()
                        .forEach(e -> sequences.put(e.getKey(), e.getValue().asText()));
                root.path("ended").forEach(s -> ended.add(s.asText()));
            } catch (IOException e) {
                throw new UncheckedIOException("unreadable checkpoint file " + file, e);
            }
        }
    }

    /** The file for one mapping (stream and function) under {@code directory}. */
    public static FileCheckpointStore forMapping(Path directory, String stream, String function) {
        return new FileCheckpointStore(directory.resolve(stream + "--" + function + ".json"));
    }

    @Override
    public synchronized Optional<String> get(String shardId) {
        return Optional.ofNullable(sequences.get(shardId));
    }

    @Override
    public synchronized void put(String shardId, String sequenceNumber) {
        sequences.put(shardId, sequenceNumber);
        save();
    }

    @Override
    public synchronized void markEnded(String shardId) {
        ended.add(shardId);
        save();
    }

    @Override
    public synchronized boolean ended(String shardId) {
        return ended.contains(shardId);
    }

    @Override
    public synchronized void forget(String shardId) {
        sequences.remove(shardId);
        ended.remove(shardId);
        save();
    }

    private void save() {
        ObjectNode root = Json.mapper().createObjectNode();
        ObjectNode checkpoints = root.putObject("checkpoints");
        sequences.forEach(checkpoints::put);
        var endedArray = root.putArray("ended");
        ended.stream().sorted().forEach(endedArray::add);
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temp, Json.write(root));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint file " + file, e);
        }
    }
}
