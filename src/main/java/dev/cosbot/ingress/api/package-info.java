/** The admin REST API's bearer-token filter and error mapping. */
package dev.cosbot.ingress.api;
