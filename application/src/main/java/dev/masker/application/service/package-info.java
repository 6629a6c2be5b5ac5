/** Application services: the implementations of the use cases, built only by the composition root. */
package dev.masker.application.service;
