/**
 * Questions to leadership: asked anonymously or by name, moderated by the Chiefs of Staff, up-voted
 * anonymously, answered at the all-hands and told back to the asker without revealing them.
 */
package dev.cosbot.ask;
