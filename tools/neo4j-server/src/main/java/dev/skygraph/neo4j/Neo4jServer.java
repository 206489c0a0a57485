package dev.skygraph.neo4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * A Neo4j Community DBMS for skygraph's tests, demo and benchmark: Bolt on
 * 127.0.0.1, authentication on, the neo4j user's password taken from the
 * environment. Starts one or more independent DBMSs (one per test worker, since
 * Community has a single user database), prints one line
 * {@code ready bolt://127.0.0.1:PORT[ bolt://127.0.0.1:PORT...]} once every
 * Bolt port accepts connections, and shuts down cleanly on SIGTERM/SIGINT or
 * when its standard input closes (so a parent that dies takes it along).
 *
 * <p>Environment: NEO4J_PASSWORD (required, at least 8 characters),
 * SKYGRAPH_NEO4J_PORT (first port, default 7687; 0 = any free port),
 * SKYGRAPH_NEO4J_INSTANCES (default 1), SKYGRAPH_NEO4J_DATA (data folder; a
 * temporary one, deleted at exit, when unset), SKYGRAPH_NEO4J_PAGECACHE
 * (per instance, default 64m), SKYGRAPH_NEO4J_WATCH_STDIN (1: exit on EOF).
 */
public final class Neo4jServer {
  private Neo4jServer() {}

  public static void main(String[] args) {
    Map<String, String> env = System.getenv();
    // First of all, so that a parent that dies during start-up takes this JVM along.
    if ("1".equals(env.get("SKYGRAPH_NEO4J_WATCH_STDIN"))) watchStdin();
    try {
      run(env);
    } catch (Throwable e) {
      System.err.println("skygraph-neo4j: " + e);
      e.printStackTrace();
      // halt, not exit: Neo4j's own threads must not keep a failed server alive.
      Runtime.getRuntime().halt(1);
    }
  }

  private static void run(Map<String, String> env) throws Exception {
    String password = env.get("NEO4J_PASSWORD");
    if (password == null || password.length() < 8) {
      System.err.println("NEO4J_PASSWORD must be set to a password of at least 8 characters");
      System.exit(2);
    }
    int firstPort = Integer.parseInt(env.getOrDefault("SKYGRAPH_NEO4J_PORT", "7687"));
    int instances = Integer.parseInt(env.getOrDefault("SKYGRAPH_NEO4J_INSTANCES", "1"));
    String pageCache = env.getOrDefault("SKYGRAPH_NEO4J_PAGECACHE", "64m");
    String dataDir = env.get("SKYGRAPH_NEO4J_DATA");
    boolean temporary = dataDir == null || dataDir.isEmpty();
    Path root = temporary ? Files.createTempDirectory("skygraph-neo4j-") : Path.of(dataDir);

    List<DatabaseManagementService> services = new ArrayList<>();
    Runnable stop = () -> {
      for (DatabaseManagementService service : services) {
        try {
          service.shutdown();
        } catch (RuntimeException e) {
          System.err.println("shutdown: " + e.getMessage());
        }
      }
      services.clear();
      if (temporary) deleteTree(root);
    };
    Runtime.getRuntime().addShutdownHook(new Thread(stop, "skygraph-neo4j-shutdown"));

    List<String> uris = new ArrayList<>();
    for (int i = 0; i < instances; i++) {
      int port = firstPort == 0 ? 0 : firstPort + i;
      Path home = instances == 1 ? root : root.resolve("instance-" + i);
      DatabaseManagementService service =
          new DatabaseManagementServiceBuilder(home)
              .setConfig(GraphDatabaseSettings.auth_enabled, true)
              .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache))
              .setConfig(BoltConnector.enabled, true)
              .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
              .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
              .build();
      services.add(service);
      setPassword(service, password);
      uris.add("bolt://127.0.0.1:" + boundPort(service, port));
    }
    System.out.println("ready " + String.join(" ", uris));
    System.out.flush();

    Thread.currentThread().join();
  }

  /**
   * The embedded API runs as the DBMS itself, so it can set the password that
   * Bolt clients must then present. A data folder kept from an earlier run
   * may hold that password already, which Neo4j refuses to "change" to itself.
   */
  private static void setPassword(DatabaseManagementService service, String password) {
    try {
      service
          .database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
          .executeTransactionally(
              "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
              Map.of("password", password));
    } catch (RuntimeException e) {
      if (!String.valueOf(e.getMessage()).contains("cannot be the same")) throw e;
    }
  }

  private static void watchStdin() {
    Thread watcher =
        new Thread(
            () -> {
              try {
                while (System.in.read() != -1) {
                  // Input is ignored; only its end matters.
                }
              } catch (IOException ignored) {
                // A broken pipe is the same as the end of input.
              }
              System.exit(0);
            },
            "skygraph-neo4j-stdin");
    watcher.setDaemon(true);
    watcher.start();
  }

  private static int boundPort(DatabaseManagementService service, int configured) {
    if (configured != 0) return configured;
    var api =
        (org.neo4j.kernel.internal.GraphDatabaseAPI)
            service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    var register =
        api.getDependencyResolver()
            .resolveDependency(org.neo4j.configuration.connectors.ConnectorPortRegister.class);
    return register.getLocalAddress(org.neo4j.configuration.connectors.ConnectorType.BOLT).getPort();
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("could not delete " + root + ": " + e.getMessage());
    }
  }
}
