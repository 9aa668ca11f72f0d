package org.dlmathlab.app;

/**
 * The program's entry point. A plain class (not an Application) so the jar runs from the class path without the
 * JavaFX module-path setup.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (Boolean.getBoolean("dlml.timing")) {
            System.out.println("TIMING main " + (System.currentTimeMillis()
                    - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()) + " ms");
        }
        // The app draws math into AWT images but opens no AWT window: headless AWT starts faster and needs no X11.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        CommandLine cl;
        try {
            cl = CommandLine.parse(args);
        } catch (CommandLine.UsageException e) {
            System.err.println("dl-math-lab: " + e.getMessage());
            System.exit(2);
            return;
        }
        switch (cl.mode()) {
            case HELP -> {
                System.out.print(CommandLine.USAGE);
                System.exit(0);
            }
            case CHECK -> System.exit(Tools.check(cl, System.out, System.err));
            case SNAPSHOT, EXPORT -> {
                Tools.useHeadlessToolkit();
                System.exit(cl.mode() == CommandLine.Mode.SNAPSHOT ? Tools.snapshot(cl) : Tools.export(cl));
            }
            case BENCH -> System.exit(Bench.run(cl));
            default -> DlMathLabApp.launchWith(cl);
        }
    }
}
