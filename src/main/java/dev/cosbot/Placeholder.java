package dev.cosbot;
class Placeholder {}
