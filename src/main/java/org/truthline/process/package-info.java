/**
 * Process plumbing shared by the lifecycle stages: deployment of the processes folder, process variable names
 * and engine calls made on Truthline's own behalf. Stage packages call into it; it calls no stage package.
 */
package org.truthline.process;
