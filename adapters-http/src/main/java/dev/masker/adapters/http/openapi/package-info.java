/** Driving adapter: the API's own description, an OpenAPI document served at {@code /openapi.json}. */
package dev.masker.adapters.http.openapi;
