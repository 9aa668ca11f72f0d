package org.dlmathlab.app;

import java.nio.file.Path;

/** Where progress and settings live by default, following each platform's convention. */
public final class DataDirs {

    private DataDirs() {
    }

    public static Path defaultDataDir() {
        String os = System.getProperty("os.name", "").toLowerCase();
        String home = System.getProperty("user.home", ".");
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, "DL Math Lab");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "DL Math Lab");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share")).resolve("dl-math-lab");
    }
}
