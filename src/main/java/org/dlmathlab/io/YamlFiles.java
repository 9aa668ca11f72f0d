package org.dlmathlab.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Small YAML documents the app owns (settings, progress): read strictly, written atomically, a corrupt file kept
 * aside rather than overwritten.
 */
public final class YamlFiles {

    /** What reading a file gave: its map (empty when missing or corrupt) and, when corrupt, where it was kept. */
    public record ReadResult(Map<String, Object> data, Optional<Path> keptAside, Optional<String> problem) {
    }

    private YamlFiles() {
    }

    /**
     * Reads a YAML mapping whose {@code format} field must equal the given tag. A missing file gives an empty map; a
     * file that does not parse, is not a mapping, or has another tag is moved aside and an empty map is returned.
     */
    public static ReadResult read(Path file, String formatTag) {
        if (!Files.exists(file)) {
            return new ReadResult(Map.of(), Optional.empty(), Optional.empty());
        }
        String problem;
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Object doc = safeYaml().load(text);
            if (doc instanceof Map<?, ?> map && formatTag.equals(map.get("format"))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) map;
                return new ReadResult(typed, Optional.empty(), Optional.empty());
            }
            problem = "it is not a " + formatTag + " file";
        } catch (IOException | RuntimeException e) {
            // Malformed YAML, bad UTF-8, or an unreadable file all count as corrupt.
            problem = String.valueOf(e.getMessage()).lines().findFirst().orElse("unreadable");
        }
        try {
            return new ReadResult(Map.of(), Optional.of(AtomicFiles.keepAside(file)), Optional.of(problem));
        } catch (IOException e) {
            return new ReadResult(Map.of(), Optional.empty(), Optional.of(problem + "; could not move it aside: "
                    + e.getMessage()));
        }
    }

    public static void write(Path file, Map<String, Object> data) throws IOException {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(true);
        String text = new Yaml(new Representer(options), options).dump(data);
        AtomicFiles.writeString(file, text);
    }

    static Yaml safeYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options));
    }
}
