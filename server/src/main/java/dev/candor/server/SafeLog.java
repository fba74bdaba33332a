package dev.candor.server;

/**
 * Describes a throwable for the log without its messages: messages of library exceptions may
 * carry request values (a SQL error quoting a key, a parser quoting a token), so only class names
 * and stack frames are logged.
 */
public final class SafeLog {
    private SafeLog() {
    }

    /** {@return class names of the cause chain and the top frames, no messages} */
    public static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        for (Throwable c = t; c != null && depth < 8; c = c.getCause(), depth++) {
            if (depth > 0) {
                sb.append("\n  caused by ");
            }
            sb.append(c.getClass().getName());
            StackTraceElement[] frames = c.getStackTrace();
            for (int i = 0; i < Math.min(8, frames.length); i++) {
                sb.append("\n    at ").append(frames[i]);
            }
        }
        return sb.toString();
    }
}
