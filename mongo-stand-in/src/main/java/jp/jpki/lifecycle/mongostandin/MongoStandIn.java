package jp.jpki.lifecycle.mongostandin;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.concurrent.CountDownLatch;

/**
 * The MongoDB stand-in of {@code scripts/topology.sh}: the Mongo-wire server the embedded default uses, alone on a
 * loopback port, so the distributed topology can be tried on a machine without MongoDB. It keeps everything in
 * memory (a restart starts empty) and has no transactions, no authentication and no replica set; production
 * runs MongoDB (docs/deployment.md).
 * <p>
 * Usage: {@code java -jar mongo-stand-in-*-exec.jar [port]} (default 27017); stops on SIGTERM.
 */
public final class MongoStandIn {

    private MongoStandIn() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 27017;
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", port);
        System.out.println("mongo stand-in listening on 127.0.0.1:" + port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdownNow();
            stopped.countDown();
        }, "mongo-stand-in-shutdown"));
        stopped.await();
    }
}
