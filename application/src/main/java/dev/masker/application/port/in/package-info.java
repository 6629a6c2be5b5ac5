/** Driving ports: the use cases that adapters call, each one method taking a command or query record. */
package dev.masker.application.port.in;
