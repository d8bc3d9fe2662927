/**
 * Quality measures: reader agreement, quality consensus and qualification scores. Plain Java with no Spring,
 * Camunda or Vaadin types, so it can be tested and reused on its own.
 */
package org.truthline.quality;
