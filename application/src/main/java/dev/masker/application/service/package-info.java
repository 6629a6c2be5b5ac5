/**
 * Application services: the implementations of the use cases and the plain classes they share (the turn masker, the
 * in-process rate limiter), built only by the composition root.
 */
package dev.masker.application.service;
