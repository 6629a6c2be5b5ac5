/** Driven ports: the capabilities the use cases need from the outside world, implemented by adapters. */
package dev.masker.application.port.out;
