/** The App Home tab, assembled from every feature's HomeSection. */
package dev.cosbot.home;
