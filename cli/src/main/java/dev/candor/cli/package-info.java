/**
 * The {@code candor} command (picocli): serve, demo, import, evaluate, keys, … Each subcommand is a
 * thin shell over the engine, store and server modules; {@code --help} on every command.
 */
package dev.candor.cli;
