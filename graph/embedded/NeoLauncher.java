import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.io.ByteUnit;

/**
 * Runs an embedded Neo4j Community DBMS with a Bolt connector on 127.0.0.1.
 *
 * Arguments: HOME_DIR PORT PAGECACHE_BYTES TX_MEMORY_BYTES.
 * Writes HOME_DIR/ready once Bolt accepts connections, and shuts down cleanly on SIGTERM.
 * Authentication is on: the password of the `neo4j` user is set from the environment variable
 * HUB_EMBEDDED_PASSWORD at every start (never on the command line, where other users could read it).
 */
public final class NeoLauncher {
    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: NeoLauncher HOME_DIR PORT PAGECACHE_BYTES TX_MEMORY_BYTES");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        long pageCache = Long.parseLong(args[2]);
        long txMemory = Long.parseLong(args[3]);
        String password = System.getenv("HUB_EMBEDDED_PASSWORD");
        if (password == null || password.length() < 8) {
            System.err.println("HUB_EMBEDDED_PASSWORD must hold the neo4j user's password (8 characters or more)");
            System.exit(2);
        }
        Path ready = home.resolve("ready");
        Files.deleteIfExists(ready);

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, txMemory)
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(30))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(ready);
            } catch (IOException ignored) {
                // the marker is advisory; shutting down matters more
            }
            dbms.shutdown();
            stopped.countDown();
        }, "neo4j-shutdown"));

        try {
            setPassword(dbms, password);
            dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            Files.writeString(ready, Long.toString(ProcessHandle.current().pid()));
        } catch (Exception failure) {
            // Neo4j's own threads would keep the JVM alive: say why, shut down, and exit.
            failure.printStackTrace();
            System.exit(1);
        }
        System.out.println("neo4j embedded ready on bolt://127.0.0.1:" + port);
        stopped.await();
    }

    /** Sets the neo4j user's password; the same password as before is already set, which is fine. */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        try {
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (QueryExecutionException failure) {
            if (!String.valueOf(failure.getMessage()).contains("Old password and new password cannot be the same")) {
                throw failure;
            }
        }
    }
}
