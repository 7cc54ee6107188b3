/**
 * cos-bot, a Chief of Staff bot for Slack: the entry point; layers are platform, then ingress, then
 * one package per feature.
 */
package dev.cosbot;
