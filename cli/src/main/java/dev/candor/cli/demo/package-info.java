/**
 * The demo: a generated shop (items over categories, including the sensitive category
 * {@code health}) and simulated shoppers with varied consent choices and behaviour, so a newcomer
 * sees personalized, explained recommendations within a minute. Seeded: the same seed gives the
 * same shop.
 */
package dev.candor.cli.demo;
