package io.costlevel.workloads;

import java.io.OutputStream;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;

/**
 * java.util.logging, one logger and handler for all threads, writing to a discarding stream: StreamHandler.publish
 * is synchronized, so the threads queue on the handler's monitor while each formats and writes its record.
 */
final class SharedLogger implements Workloads.Operation {
    static final Logger LOG = logger();

    private static Logger logger() {
        Logger logger = Logger.getLogger("io.costlevel.workloads.shared");
        logger.setUseParentHandlers(false);
        Handler handler = new StreamHandler(OutputStream.nullOutputStream(), new SimpleFormatter());
        handler.setLevel(Level.ALL);
        logger.addHandler(handler);
        logger.setLevel(Level.INFO);
        return logger;
    }

    @Override
    public long op() {
        LOG.log(Level.INFO, "order {0} priced", 42);
        return 1;
    }
}
