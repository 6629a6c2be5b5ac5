package dev.masker.adapters.persistence;

import dev.masker.domain.agent.AgentId;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Keeps an agent cache honest across instances: holds its own connection with {@code LISTEN masker_agent_changed} and
 * drops each agent another instance changed or deleted, within a poll interval of the commit. While it is not
 * listening (starting, or the connection broke) the cache is not trusted and every lookup reads the database, so a
 * lost notification can never leave a deleted agent answering.
 */
public final class AgentChangeListener implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AgentChangeListener.class.getName());
    private static final int POLL_MILLIS = 250;
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(1);

    private final JdbcAgentAdapter agents;
    private final Callable<Connection> connections;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Connection current;

    /**
     * Starts listening.
     *
     * @param connections opens a dedicated connection (not one from the pool: it is held for as long as it works)
     */
    public AgentChangeListener(JdbcAgentAdapter agents, Callable<Connection> connections) {
        this.agents = Objects.requireNonNull(agents, "agents");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.thread =
                Thread.ofPlatform().name("masker-agent-changes").daemon(true).start(this::listenUntilClosed);
    }

    private void listenUntilClosed() {
        while (!closed) {
            try (Connection connection = connections.call()) {
                current = connection;
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + JdbcAgentAdapter.CHANGE_CHANNEL);
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                agents.trustCache(true);
                while (!closed) {
                    PGNotification[] received = notifications.getNotifications(POLL_MILLIS);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            AgentId.parse(notification.getParameter()).ifPresent(agents::forget);
                        }
                    }
                }
            } catch (Exception e) {
                agents.trustCache(false);
                if (!closed) {
                    LOG.log(
                            Level.WARNING,
                            "not listening for agent changes ({0}); reading agents from the database",
                            e.getClass().getSimpleName());
                    sleep(RECONNECT_DELAY);
                }
            } finally {
                current = null;
            }
        }
        agents.trustCache(false);
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        Connection connection = current;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Closing is all that was wanted.
            }
        }
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
