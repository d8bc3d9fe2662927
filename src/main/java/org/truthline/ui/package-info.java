/**
 * The Vaadin UI: the main layout, the inbox and the screens of each stage. Views are thin: they read and act
 * through the stage services ({@code TaskInbox}, {@code ImageService}, {@code ProjectService},
 * {@code ImportService}, the label history) and never call Camunda's engine services themselves.
 * Reusable pieces (form renderer, DICOM image viewer, reader comparison) live in {@code ui.component}.
 */
package org.truthline.ui;
