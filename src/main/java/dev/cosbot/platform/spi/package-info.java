/**
 * The interfaces through which the digest and the Home tab reach features without importing them.
 */
package dev.cosbot.platform.spi;
