/** Driving adapter plumbing shared by every route: request ids, body limits, JSON and the one error mapper. */
package dev.masker.adapters.http;
