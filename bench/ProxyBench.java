/*
 * Benchmark (not a test) of the PHI proxy's added latency, run by bench/proxy.sh as a single-file program:
 *
 *   java bench/ProxyBench.java fake PORT_FILE [KEYSTORE]
 *       a fake OpenAI upstream on free ports of 127.0.0.1: plain HTTP, and HTTPS too when a PKCS12 KEYSTORE (password
 *       "changeit") is given; PORT_FILE gets "PLAIN_PORT TLS_PORT" (TLS_PORT 0 without a keystore).
 *       POST /v1/chat/completions answers at once, as chat.completion or as chat.completion.chunk server-sent events
 *       ending with "data: [DONE]". The reply names the last two PHI tokens it was sent, so Masker has something to
 *       rehydrate. GET /stats (plain port) answers how many connections callers other than the benchmark's direct
 *       client (its requests carry X-Bench-Direct) opened, i.e. Masker's upstream connections: with TLS, its handshakes.
 *
 *   java bench/ProxyBench.java client FAKE_PORT MASKER_PORT AGENT_ID PROXY_KEY DEVSET RUN_ID [STATS_PORT]
 *       the load: one request at a time, each turn to the fake directly and then the very same bytes through Masker,
 *       streaming and not; first the first turns of new calls, each on a new connection to Masker, then later turns of
 *       calls over keep-alive connections; prints percentiles per round and a summary. The direct client speaks TLS
 *       when -Dbench.tls=true (trusting the JVM's javax.net.ssl.trustStore).
 *       Settings (environment): BENCH_WARMUP (2000), BENCH_REQUESTS (1000), BENCH_ROUNDS (3), BENCH_FIRST_TURNS (300),
 *       BENCH_TURN_BYTES (2048), BENCH_TURNS_PER_CALL (50), BENCH_SEED (42).
 *
 * Only the JDK: com.sun.net.httpserver for the fake, a raw-socket HTTP/1.1 client (so that the time to first token is
 * taken when the bytes of the first content event are read, with no client library in between).
 */

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

public final class ProxyBench {
    /** Masker's token shape (domain PhiToken.SHAPE). */
    static final Pattern TOKEN =
            Pattern.compile("\\b(MSKV1|MSK1)\\.([A-Z_]{2,11})\\.(K_[A-Z0-9]{1,30})\\.([A-Z2-7]{16,1024})\\b");

    static final Pattern CONTENT = Pattern.compile("\"content\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    public static void main(String[] args) throws Exception {
        switch (args.length > 0 ? args[0] : "") {
            case "fake" -> Fake.run(Path.of(args[1]), args.length > 2 ? Path.of(args[2]) : null);
            case "client" -> Client.run(args);
            default -> {
                // Standard output is the benchmark's report; anything else goes through the logger.
                System.getLogger("ProxyBench")
                        .log(
                                System.Logger.Level.ERROR,
                                "usage: ProxyBench fake PORT_FILE [KEYSTORE] | client FAKE_PORT MASKER_PORT AGENT_ID KEY DEVSET RUN [STATS_PORT]");
                System.exit(2);
            }
        }
    }

    // ---- the fake upstream ----------------------------------------------------------------------------------------

    static final class Fake {
        static final AtomicLong ids = new AtomicLong();
        /** The remote addresses of callers other than the direct client: one per connection they opened. */
        static final Set<String> proxyConnections = ConcurrentHashMap.newKeySet();

        static void run(Path portFile, Path keyStore) throws Exception {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.createContext("/v1/chat/completions", Fake::answer);
            server.createContext("/stats", Fake::stats);
            server.start();
            int tlsPort = 0;
            if (keyStore != null) {
                HttpsServer tls = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
                tls.setHttpsConfigurator(new HttpsConfigurator(sslContext(keyStore)));
                tls.setExecutor(Executors.newFixedThreadPool(4));
                tls.createContext("/v1/chat/completions", Fake::answer);
                tls.start();
                tlsPort = tls.getAddress().getPort();
            }
            Path tmp = portFile.resolveSibling(portFile.getFileName() + ".tmp");
            Files.writeString(tmp, server.getAddress().getPort() + " " + tlsPort + "\n");
            Files.move(tmp, portFile);
            System.getLogger("ProxyBench.fake")
                    .log(
                            System.Logger.Level.INFO,
                            "fake upstream on ports {0} (plain), {1} (TLS)",
                            Integer.toString(server.getAddress().getPort()),
                            Integer.toString(tlsPort));
        }

        static SSLContext sslContext(Path keyStore) throws Exception {
            char[] password = "changeit".toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                store.load(in, password);
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        }

        static void stats(HttpExchange exchange) throws IOException {
            try (exchange) {
                byte[] out = Integer.toString(proxyConnections.size()).getBytes(StandardCharsets.US_ASCII);
                exchange.sendResponseHeaders(200, out.length);
                exchange.getResponseBody().write(out);
            }
        }

        static void answer(HttpExchange exchange) throws IOException {
            try (exchange) {
                if (!exchange.getRequestHeaders().containsKey("X-Bench-Direct")) {
                    proxyConnections.add(exchange.getRemoteAddress().toString());
                }
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                if (!"POST".equals(exchange.getRequestMethod())) {
                    exchange.sendResponseHeaders(405, -1);
                    return;
                }
                // The last two distinct tokens of the conversation, as a model would repeat the caller's last details.
                LinkedHashSet<String> tokens = new LinkedHashSet<>();
                Matcher m = TOKEN.matcher(body);
                while (m.find()) {
                    tokens.remove(m.group());
                    tokens.add(m.group());
                }
                List<String> named = new ArrayList<>(tokens);
                String first = named.size() >= 2 ? named.get(named.size() - 2) : "the name you gave";
                String second = !named.isEmpty() ? named.get(named.size() - 1) : "the number you gave";
                String reply = "Thanks, I have " + first + " and " + second + " on file. Your appointment is confirmed "
                        + "for Tuesday at ten in the morning. Is there anything else I can help you with?";
                String id = "chatcmpl-bench" + ids.incrementAndGet();
                long created = System.currentTimeMillis() / 1000;
                boolean stream = body.matches("(?s).*\"stream\"\\s*:\\s*true.*");
                if (!stream) {
                    byte[] out = ("{\"id\":\"" + id + "\",\"object\":\"chat.completion\",\"created\":" + created
                                    + ",\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
                                    + "\"assistant\",\"content\":\"" + reply + "\",\"refusal\":null},\"logprobs\":null,"
                                    + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":" + body.length() / 4
                                    + ",\"completion_tokens\":" + reply.length() / 4 + ",\"total_tokens\":"
                                    + (body.length() + reply.length()) / 4 + "},\"system_fingerprint\":\"fp_bench\"}")
                            .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, out.length);
                    exchange.getResponseBody().write(out);
                    return;
                }
                exchange.getResponseHeaders().add("Content-Type", "text/event-stream; charset=utf-8");
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                String head = "data: {\"id\":\"" + id + "\",\"object\":\"chat.completion.chunk\",\"created\":" + created
                        + ",\"model\":\"gpt-4o-mini-2024-07-18\",\"system_fingerprint\":\"fp_bench\",\"choices\":[{\"index\":0,";
                event(
                        out,
                        head + "\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null},"
                                + "\"logprobs\":null,\"finish_reason\":null}]}\n\n");
                for (String piece : pieces(reply)) {
                    event(
                            out,
                            head + "\"delta\":{\"content\":\"" + piece
                                    + "\"},\"logprobs\":null,\"finish_reason\":null}]}\n\n");
                }
                event(out, head + "\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}]}\n\n");
                event(out, "data: [DONE]\n\n");
            }
        }

        /** Model-token-sized pieces: words with their leading space, long ones (tokens included) cut in 6s. */
        static List<String> pieces(String reply) {
            List<String> pieces = new ArrayList<>();
            for (String word : reply.split("(?= )")) {
                for (int i = 0; i < word.length(); i += 6) {
                    pieces.add(word.substring(i, Math.min(word.length(), i + 6)));
                }
            }
            return pieces;
        }

        static void event(OutputStream out, String event) throws IOException {
            out.write(event.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    // ---- the turns ------------------------------------------------------------------------------------------------

    record Line(String role, String text, int spans) {}

    static List<Line> devSet(Path file) throws IOException {
        List<Line> lines = new ArrayList<>();
        for (String json : Files.readAllLines(file)) {
            if (json.isBlank()) {
                continue;
            }
            int spans = json.split("\"kind\"", -1).length - 1;
            lines.add(new Line(stringField(json, "role"), stringField(json, "text"), spans));
        }
        return lines;
    }

    /** The value of a top-level string field of one dev-set line (enough JSON for that file). */
    static String stringField(String json, String name) {
        int at = json.indexOf("\"" + name + "\":\"");
        if (at < 0) {
            throw new IllegalArgumentException("no " + name + " in " + json);
        }
        StringBuilder out = new StringBuilder();
        for (int i = at + name.length() + 4; ; i++) {
            char c = json.charAt(i);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\') {
                char e = json.charAt(++i);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> out.append(e);
                }
            } else {
                out.append(c);
            }
        }
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** One turn: a request body, the bytes of conversation text in it and the PHI spans the dev set marks in them. */
    record Turn(byte[] streaming, byte[] whole, int textBytes, int spans) {}

    static final String SYSTEM =
            "You are the scheduling assistant of Bayside Family Clinic. Verify the caller's identity "
                    + "before discussing appointments, prescriptions or bills. Be brief; this is a phone call.";

    /**
     * A turn of up to {@code bytes} bytes of conversation (the system prompt aside), nearly full: dev-set lines drawn at
     * random while they fit, the last one the caller's, consecutive lines of one role joined into one message.
     */
    static Turn turn(List<Line> devSet, Random random, int bytes, String callId) {
        List<Line> drawn = new ArrayList<>();
        int size = 0;
        int spans = 0;
        for (int misses = 0; misses < 200; ) {
            Line line = devSet.get(random.nextInt(devSet.size()));
            int length = line.text().getBytes(StandardCharsets.UTF_8).length + (drawn.isEmpty() ? 0 : 1);
            if (size + length > bytes) {
                misses++;
                continue;
            }
            drawn.add(line);
            size += length;
            spans += line.spans();
        }
        // The caller speaks last: the last user line drawn moves to the end (the draw order is random anyway).
        for (int i = drawn.size() - 1; i >= 0; i--) {
            if ("user".equals(drawn.get(i).role())) {
                drawn.add(drawn.remove(i));
                break;
            }
        }
        List<String[]> messages = new ArrayList<>();
        for (Line line : drawn) {
            if (!messages.isEmpty() && messages.get(messages.size() - 1)[0].equals(line.role())) {
                String[] last = messages.get(messages.size() - 1);
                last[1] = last[1] + " " + line.text();
            } else {
                messages.add(new String[] {line.role(), line.text()});
            }
        }
        StringBuilder body = new StringBuilder("{\"model\":\"gpt-4o-mini\",\"temperature\":0.3,\"messages\":[")
                .append("{\"role\":\"system\",\"content\":")
                .append(quote(SYSTEM))
                .append('}');
        for (String[] message : messages) {
            body.append(",{\"role\":\"")
                    .append(message[0])
                    .append("\",\"content\":")
                    .append(quote(message[1]))
                    .append('}');
        }
        body.append("],\"call\":{\"id\":").append(quote(callId)).append(",\"orgId\":\"org_bench\"},\"stream\":");
        String prefix = body.toString();
        return new Turn(
                (prefix + "true}").getBytes(StandardCharsets.UTF_8),
                (prefix + "false}").getBytes(StandardCharsets.UTF_8),
                size,
                spans);
    }

    // ---- the client -----------------------------------------------------------------------------------------------

    /** A keep-alive HTTP/1.1 connection, reopened when the server closes it. */
    static final class Connection {
        final int port;
        final String path;
        final String authorization;
        final boolean tls;
        Socket socket;
        InputStream in;
        OutputStream out;
        int reconnects = -1;

        Connection(int port, String path, String authorization, boolean tls) {
            this.port = port;
            this.path = path;
            this.authorization = authorization;
            this.tls = tls;
        }

        /** Closes the connection: the next request opens a new one (TCP, and TLS when it speaks TLS). */
        void close() throws IOException {
            if (socket != null) {
                socket.close();
                socket = null;
            }
        }

        void open() throws IOException {
            if (socket != null) {
                socket.close();
            }
            if (tls) {
                SSLSocket secure =
                        (SSLSocket) SSLSocketFactory.getDefault().createSocket(InetAddress.getLoopbackAddress(), port);
                secure.setTcpNoDelay(true);
                secure.startHandshake();
                socket = secure;
            } else {
                socket = new Socket(InetAddress.getLoopbackAddress(), port);
            }
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 65536);
            out = socket.getOutputStream();
            reconnects++;
        }

        /** Sends one request; the answer's time to first content (ns, 0 if none) and total time (ns). */
        Result send(byte[] body, boolean streaming) throws IOException {
            long start = System.nanoTime();
            if (socket == null) {
                // Connecting (and the TLS handshake) is part of the turn the caller waits for.
                open();
            }
            String head =
                    "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                            + "Accept: " + (streaming ? "text/event-stream" : "application/json") + "\r\n"
                            + (authorization == null
                                    ? "X-Bench-Direct: 1\r\n"
                                    : "Authorization: Bearer " + authorization + "\r\n")
                            + "Content-Length: " + body.length + "\r\n\r\n";
            byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
            byte[] request = Arrays.copyOf(headBytes, headBytes.length + body.length);
            System.arraycopy(body, 0, request, headBytes.length, body.length);
            out.write(request);
            out.flush();
            String status = line(in);
            long headers = System.nanoTime() - start;
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).strip());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            InputStream bodyIn = chunked ? new Chunked(in) : new Limited(in, length);
            long first = 0;
            StringBuilder content = new StringBuilder();
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            if (streaming && status.contains(" 200 ")) {
                boolean done = false;
                for (String event = line(bodyIn); event != null; event = line(bodyIn)) {
                    if (!event.startsWith("data:")) {
                        continue;
                    }
                    String data = event.substring(5).strip();
                    if (data.equals("[DONE]")) {
                        done = true;
                        continue;
                    }
                    Matcher m = CONTENT.matcher(data);
                    if (m.find() && !m.group(1).isEmpty()) {
                        if (first == 0) {
                            first = System.nanoTime() - start;
                        }
                        content.append(m.group(1));
                    }
                }
                if (!done) {
                    content.append(" [no DONE]");
                }
            } else {
                bodyIn.transferTo(raw);
                String json = raw.toString(StandardCharsets.UTF_8);
                Matcher m = CONTENT.matcher(json);
                if (m.find()) {
                    content.append(m.group(1));
                }
                if (!status.contains(" 200 ")) {
                    content.append(" status ").append(status).append(' ').append(json);
                }
            }
            long total = System.nanoTime() - start;
            if (close || length < 0 && !chunked) {
                socket.close();
                socket = null;
            }
            return new Result(status.contains(" 200 ") ? 200 : -1, headers, first, total, content.toString());
        }
    }

    record Result(int status, long statusLineNanos, long firstContentNanos, long totalNanos, String content) {}

    /** A CRLF- or LF-ended line, or null at the end of the stream. */
    static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                byte[] bytes = line.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.UTF_8);
            }
            line.write(c);
        }
        if (line.size() == 0) {
            return null;
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    /** A Content-Length body. */
    static final class Limited extends InputStream {
        final InputStream in;
        long left;

        Limited(InputStream in, long length) {
            this.in = in;
            this.left = length < 0 ? Long.MAX_VALUE : length;
        }

        @Override
        public int read() throws IOException {
            if (left == 0) {
                return -1;
            }
            int c = in.read();
            if (c >= 0) {
                left--;
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left == 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }

    /** A chunked body, read to its last chunk and trailers so that the connection can be reused. */
    static final class Chunked extends InputStream {
        final InputStream in;
        long left;
        boolean ended;

        Chunked(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            if (!more()) {
                return -1;
            }
            left--;
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (!more()) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        private boolean more() throws IOException {
            if (ended) {
                return false;
            }
            if (left > 0) {
                return true;
            }
            String size = line(in);
            if (size != null && size.isEmpty()) {
                size = line(in); // the CRLF that ends the previous chunk
            }
            if (size == null) {
                throw new IOException("connection closed inside a chunked body");
            }
            int semicolon = size.indexOf(';');
            left = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
            if (left == 0) {
                for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                    // trailers: none expected
                }
                ended = true;
                return false;
            }
            return true;
        }
    }

    static final class Client {
        static int env(String name, int fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
        }

        static void run(String[] args) throws Exception {
            int fakePort = Integer.parseInt(args[1]);
            int maskerPort = Integer.parseInt(args[2]);
            String agent = args[3];
            String key = args[4];
            List<Line> devSet = devSet(Path.of(args[5]));
            String runId = args[6];
            int warmup = env("BENCH_WARMUP", 2000);
            int requests = env("BENCH_REQUESTS", 1000);
            int rounds = env("BENCH_ROUNDS", 3);
            int turnBytes = env("BENCH_TURN_BYTES", 2048);
            int turnsPerCall = env("BENCH_TURNS_PER_CALL", 50);
            int firstTurns = env("BENCH_FIRST_TURNS", 300);
            Random random = new Random(env("BENCH_SEED", 42));
            boolean tls = Boolean.getBoolean("bench.tls");
            int statsPort = args.length > 7 ? Integer.parseInt(args[7]) : fakePort;

            Connection direct = new Connection(fakePort, "/v1/chat/completions", null, tls);
            Connection masker = new Connection(maskerPort, "/proxy/" + agent + "/v1/chat/completions", key, false);
            boolean[] firstOfCall = {false};
            int[] firstCalls = {0};
            long[] sent = {0};
            int[] turnNo = {0};
            long[] textBytes = {0};
            long[] spans = {0};
            int[] bad = {0};
            List<String> badSamples = new ArrayList<>();

            // Each turn goes to the fake directly and through Masker, same bytes, one after the other, so that both
            // see the same machine; which goes first alternates.
            interface Pair {
                void run(boolean streaming, long[][] into, int at) throws IOException;
            }
            Pair pair = (streaming, into, at) -> {
                int n = turnNo[0]++;
                String callId = "call-" + runId + "-" + (n / turnsPerCall);
                if (firstOfCall[0]) {
                    // The first turn of a new call, on a new client connection to Masker: a platform opens one per
                    // call.
                    // The direct connection stays open, as a platform's pooled connection to its LLM would.
                    callId = "call-" + runId + "-first-" + firstCalls[0]++;
                    masker.close();
                }
                Turn turn = turn(devSet, random, turnBytes, callId);
                textBytes[0] += turn.textBytes();
                spans[0] += turn.spans();
                byte[] body = streaming ? turn.streaming() : turn.whole();
                Result d;
                Result p;
                if ((n & 1) == 0) {
                    d = direct.send(body, streaming);
                    p = masker.send(body, streaming);
                } else {
                    p = masker.send(body, streaming);
                    d = direct.send(body, streaming);
                }
                sent[0]++;
                String problem = p.status() != 200 || d.status() != 200
                        ? "status"
                        : p.content().contains("MSKV1.") || p.content().contains("MSK1.")
                                ? "token left in the answer"
                                : !p.content().startsWith("Thanks, I have ")
                                                || p.content().contains("[no DONE]")
                                                || d.content().contains("[no DONE]")
                                        ? "unexpected answer"
                                        : streaming && (p.firstContentNanos() == 0 || d.firstContentNanos() == 0)
                                                ? "no content event"
                                                : null;
                if (problem != null) {
                    bad[0]++;
                    if (badSamples.size() < 3) {
                        badSamples.add(problem + ": "
                                + p.content()
                                        .substring(0, Math.min(300, p.content().length())));
                    }
                }
                if (into != null) {
                    into[0][at] = streaming ? d.firstContentNanos() : d.totalNanos();
                    into[1][at] = streaming ? p.firstContentNanos() : p.totalNanos();
                    into[2][at] = d.totalNanos();
                    into[3][at] = p.totalNanos();
                    into[4][at] = d.statusLineNanos();
                    into[5][at] = p.statusLineNanos();
                }
            };

            System.out.printf(
                    "turns: ~%d bytes of conversation each (dev-set lines), %d turns per call, seed %d%n",
                    turnBytes, turnsPerCall, env("BENCH_SEED", 42));
            long warmStart = System.nanoTime();
            for (int i = 0; i < warmup; i++) {
                pair.run(i % 2 == 1, null, 0);
            }
            System.out.printf(
                    "warm-up: %d turns direct + %d through Masker (half streaming) in %.1f s%n",
                    warmup, warmup, (System.nanoTime() - warmStart) / 1e9);

            // The first turn of each call: a new session, every value new to the vault, a new client connection to
            // Masker
            // (whose own upstream connection, TLS or not, is what it keeps alive).
            int before = upstreamConnections(statsPort);
            firstOfCall[0] = true;
            long[][] firstWhole = new long[6][firstTurns];
            long[][] firstStream = new long[6][firstTurns];
            long firstStart = System.nanoTime();
            for (int i = 0; i < firstTurns; i++) {
                pair.run(false, firstWhole, i);
                pair.run(true, firstStream, i);
            }
            firstOfCall[0] = false;
            int firstOpened = upstreamConnections(statsPort) - before;
            System.out.printf(
                    "%n=== first turns of calls: %d per mode, each a new call on a new connection to Masker, %.1f s, "
                            + "load average %s ===%n",
                    firstTurns, (System.nanoTime() - firstStart) / 1e9, load());
            table("non-streaming round trip", firstWhole[0], firstWhole[1]);
            table("streaming, time to first token", firstStream[0], firstStream[1]);
            table("streaming, whole stream", firstStream[2], firstStream[3]);
            System.out.printf(
                    "upstream connections Masker opened: %d for %d turns (%d streamed)%n",
                    firstOpened, 2 * firstTurns, firstTurns);

            before = upstreamConnections(statsPort);
            List<long[][]> wholeRounds = new ArrayList<>();
            List<long[][]> streamRounds = new ArrayList<>();
            for (int r = 1; r <= rounds; r++) {
                long[][] whole = new long[6][requests];
                long[][] stream = new long[6][requests];
                long roundStart = System.nanoTime();
                for (int i = 0; i < requests; i++) {
                    // Interleaved, so that both modes see the same moments of a noisy machine.
                    pair.run(false, whole, i);
                    pair.run(true, stream, i);
                }
                wholeRounds.add(whole);
                streamRounds.add(stream);
                System.out.printf(
                        "%nround %d: %d turns per mode, %.1f s, load average %s%n",
                        r, requests, (System.nanoTime() - roundStart) / 1e9, load());
                table("  non-streaming round trip", whole[0], whole[1]);
                table("  streaming, time to first token", stream[0], stream[1]);
                table("  streaming, whole stream", stream[2], stream[3]);
                table("  streaming, status line", stream[4], stream[5]);
            }
            int laterOpened = upstreamConnections(statsPort) - before;
            long[][] allWhole = merge(wholeRounds);
            long[][] allStream = merge(streamRounds);
            System.out.printf(
                    "%n=== later turns of calls: all %d rounds (%d turns per mode) ===%n", rounds, allWhole[0].length);
            table("non-streaming round trip", allWhole[0], allWhole[1]);
            table("streaming, time to first token", allStream[0], allStream[1]);
            table("streaming, whole stream", allStream[2], allStream[3]);
            table("streaming, status line", allStream[4], allStream[5]);
            System.out.printf(
                    "upstream connections Masker opened: %d for %d turns (%d streamed)%n",
                    laterOpened, 2 * allWhole[0].length, allWhole[0].length);
            System.out.printf(
                    "%nspread of the added latency over the %d rounds (min .. max of the per-round value):%n", rounds);
            spread("non-streaming", wholeRounds);
            spread("streaming TTFT", streamRounds);

            // Keep-alive: 100 streamed turns in a row through Masker alone, counting the upstream connections opened.
            before = upstreamConnections(statsPort);
            int streamBad = 0;
            for (int i = 0; i < 100; i++) {
                Turn turn = turn(devSet, random, turnBytes, "call-" + runId + "-keepalive");
                Result r = masker.send(turn.streaming(), true);
                sent[0]++;
                streamBad += r.status() == 200 && !r.content().contains("[no DONE]") ? 0 : 1;
            }
            System.out.printf(
                    "%nkeep-alive: 100 streamed turns in a row through Masker opened %d upstream connection(s)"
                            + " (%s upstream); %d answers not right%n",
                    upstreamConnections(statsPort) - before, tls ? "TLS" : "plain HTTP", streamBad);
            System.out.printf(
                    "upstream connections Masker opened in the whole run: %d%n", upstreamConnections(statsPort));
            System.out.printf(
                    "%naverage turn: %d bytes of conversation, %.1f PHI spans (dev-set labels)%n",
                    textBytes[0] / Math.max(1, sent[0]), (double) spans[0] / Math.max(1, sent[0]));
            System.out.printf("connections reopened: direct %d, Masker %d%n", direct.reconnects, masker.reconnects);
            System.out.printf("answers not right (status, token left, no content): %d%n", bad[0]);
            badSamples.forEach(s -> System.out.println("  e.g. " + s));
            System.out.println("BENCH masker_requests=" + sent[0] + " bad=" + bad[0]);
        }

        /** How many connections Masker opened to the fake so far (the fake's count). */
        static int upstreamConnections(int statsPort) {
            try (HttpClient client = HttpClient.newHttpClient()) {
                return Integer.parseInt(client.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort + "/stats"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body()
                        .strip());
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("the fake upstream's /stats did not answer", e);
            }
        }

        static String load() {
            try {
                return Files.readString(Path.of("/proc/loadavg"))
                        .substring(0, 14)
                        .strip();
            } catch (IOException e) {
                return "?";
            }
        }

        static long[][] merge(List<long[][]> rounds) {
            long[][] all = new long[6][];
            for (int k = 0; k < 6; k++) {
                int k2 = k;
                all[k] =
                        rounds.stream().flatMapToLong(r -> Arrays.stream(r[k2])).toArray();
            }
            return all;
        }

        static final double[] PCTS = {50, 90, 99};

        static double pct(long[] sorted, double p) {
            int rank = (int) Math.ceil(p / 100 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
        }

        static void table(String title, long[] direct, long[] masker) {
            long[] d = direct.clone();
            long[] m = masker.clone();
            Arrays.sort(d);
            Arrays.sort(m);
            System.out.printf("%-34s %9s %9s %9s %9s   (ms)%n", title, "p50", "p90", "p99", "max");
            row("    direct to the fake", d);
            row("    through Masker", m);
            System.out.printf(
                    "%-34s %9.3f %9.3f %9.3f %9.3f%n",
                    "    added (Masker - direct)",
                    pct(m, 50) - pct(d, 50),
                    pct(m, 90) - pct(d, 90),
                    pct(m, 99) - pct(d, 99),
                    (m[m.length - 1] - d[d.length - 1]) / 1e6);
        }

        static void row(String name, long[] sorted) {
            System.out.printf(
                    "%-34s %9.3f %9.3f %9.3f %9.3f%n",
                    name, pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted[sorted.length - 1] / 1e6);
        }

        static void spread(String title, List<long[][]> rounds) {
            StringBuilder line = new StringBuilder(String.format("  %-15s", title));
            for (double p : PCTS) {
                double lo = Double.MAX_VALUE;
                double hi = -Double.MAX_VALUE;
                for (long[][] r : rounds) {
                    long[] d = r[0].clone();
                    long[] m = r[1].clone();
                    Arrays.sort(d);
                    Arrays.sort(m);
                    double added = pct(m, p) - pct(d, p);
                    lo = Math.min(lo, added);
                    hi = Math.max(hi, added);
                }
                line.append(String.format("  p%.0f %.3f .. %.3f", p, lo, hi));
            }
            System.out.println(line.append(" ms"));
        }
    }
}
