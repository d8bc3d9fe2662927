/**
 * Contributor training and certification per project: the contributor-training delegates, the task handlers of
 * its user tasks and {@link org.truthline.training.TrainingService}. Certified contributors become eligible
 * readers for image-labeling.
 */
package org.truthline.training;
