/**
 * Model selection with a held-out split: a noisy curve to draw data from, polynomial fits of every degree scored on
 * the training, validation and test parts, and the repeated experiment that measures how optimistic a reported score
 * is when the test set was used for tuning. Pure numerics, no JavaFX.
 */
package org.dlmathlab.math.selection;
