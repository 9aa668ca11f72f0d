package org.dlmathlab.ui;

import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Step, Play / Pause, Reset and a speed slider (steps per second, on a log scale) for labs that run a process.
 * Play runs the step command from an animation timer, as many steps per frame as the speed asks for but never more
 * than fit in {@value #FRAME_BUDGET_MS} ms, so drawing keeps its share of the 16.7 ms frame. Play stops by itself
 * when the lab says it cannot go on (finished, diverged).
 */
public final class PlayBar extends VBox {

    /** Most of a 60 Hz frame that stepping may use, leaving the rest for drawing. */
    static final double FRAME_BUDGET_MS = 8;

    private final Runnable step;
    private final BooleanSupplier canContinue;
    private final Runnable afterSteps;
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing");
    private final Slider speed = new Slider(0, 3, 1);
    private double owed;
    private long lastFrame;

    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            double seconds = lastFrame == 0 ? 1.0 / 60 : Math.min(0.1, (now - lastFrame) / 1e9);
            lastFrame = now;
            owed += seconds * stepsPerSecond();
            long start = System.nanoTime();
            int done = 0;
            while (owed >= 1 && (System.nanoTime() - start) / 1e6 < FRAME_BUDGET_MS) {
                if (!canContinue.getAsBoolean()) {
                    pause();
                    break;
                }
                step.run();
                owed -= 1;
                done++;
            }
            owed = Math.min(owed, 1);
            if (done > 0) {
                afterSteps.run();
            }
            if (!canContinue.getAsBoolean()) {
                pause();
            }
        }
    };

    /**
     * @param step        one step of the lab
     * @param canContinue false when the lab is finished or diverged
     * @param afterSteps  called once after a batch of steps in a frame (e.g. to flush a chart)
     * @param reset       the Reset button's action
     */
    public PlayBar(I18n i18n, Runnable step, BooleanSupplier canContinue, Runnable afterSteps, Runnable reset) {
        this.step = step;
        this.canContinue = canContinue;
        this.afterSteps = afterSteps;
        getStyleClass().add("play-bar");
        setSpacing(6);
        Button stepButton = new Button();
        stepButton.textProperty().bind(i18n.bind("play.step"));
        stepButton.setTooltip(Tips.of(i18n, "play.step.tooltip"));
        stepButton.setOnAction(e -> stepOnce());
        stepButton.setId("play-step");
        Button play = new Button();
        play.textProperty().bind(Bindings.when(playing).then(i18n.bind("play.pause")).otherwise(i18n.bind("play.play")));
        play.setTooltip(Tips.of(i18n, "play.play.tooltip"));
        play.setOnAction(e -> toggle());
        play.setId("play-toggle");
        Button resetButton = new Button();
        resetButton.textProperty().bind(i18n.bind("play.reset"));
        resetButton.setTooltip(Tips.of(i18n, "play.reset.tooltip"));
        resetButton.setOnAction(e -> {
            pause();
            reset.run();
        });
        resetButton.setId("play-reset");
        speed.setTooltip(Tips.of(i18n, "play.speed.tooltip"));
        speed.setId("play-speed");
        HBox.setHgrow(speed, Priority.ALWAYS);
        speed.setMinWidth(60);
        Label rate = new Label();
        rate.textProperty().bind(Bindings.createStringBinding(
                () -> i18n.get("play.rate", Format.num(stepsPerSecond(), 0)), speed.valueProperty(),
                i18n.langProperty()));
        rate.setMinWidth(64);
        for (Button b : new Button[]{stepButton, play, resetButton}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox buttons = new HBox(6, stepButton, play, resetButton);
        buttons.setAlignment(Pos.CENTER_LEFT);
        HBox speedRow = new HBox(6, speed, rate);
        speedRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(buttons, speedRow);
    }

    /** Steps per second: 10^slider, from 1 to 1000. */
    public double stepsPerSecond() {
        return Math.pow(10, speed.getValue());
    }

    public Slider speedSlider() {
        return speed;
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    public boolean isPlaying() {
        return playing.get();
    }

    public void stepOnce() {
        pause();
        if (canContinue.getAsBoolean()) {
            step.run();
            afterSteps.run();
        }
    }

    public void toggle() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    public void play() {
        if (!canContinue.getAsBoolean()) {
            return;
        }
        owed = 0;
        lastFrame = 0;
        playing.set(true);
        timer.start();
    }

    public void pause() {
        timer.stop();
        playing.set(false);
    }
}
