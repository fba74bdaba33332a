/**
 * Authentication: API keys with scopes, stored as SHA-256 hashes only. The key itself is shown
 * once, when created. Verification looks a key up by an id derived from its hash and compares
 * the full hash in constant time.
 */
package dev.candor.server.auth;
