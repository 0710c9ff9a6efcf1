package org.planmap.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.planmap.settings.ExpensiveProperties;
import org.planmap.security.ResponseHeaders;
import org.planmap.security.SecurityProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Runs the requests {@link RequestCost} calls expensive on a pool of their own, so that Jetty's workers stay free
 * for cheap answers, and bounds what they may hold: {@code threads} at work, {@code queue} waiting in turn (first
 * come, first served, and never timed out), and beyond that an immediate 503 with {@code Retry-After}.
 * <p>
 * A request whose client has gone is not worked on: while it waits or runs, its connection is looked at every
 * {@code disconnectCheck}; a waiting one is dropped, a running one's thread is interrupted (the feature loops stop,
 * {@link org.planmap.layer.Abandoned}) and its connection closed (writes fail). Jetty itself notices a closed
 * connection only when it next reads or writes, and an HTTP/1.1 server reads nothing while it answers a GET: so the
 * check reads the socket itself, only when the kernel holds no unread bytes (a pipelined next request is never
 * taken), where an end of stream means the client closed. Connections Jetty does not hold as a plain socket (TLS,
 * HTTP/2) and requests with a body are not looked at; their work stops at their first failed write.
 */
public final class ExpensiveRequests extends Handler.Wrapper {

    private static final Logger log = LoggerFactory.getLogger(ExpensiveRequests.class);

    private final RequestCost cost;
    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService watch;
    private final Set<Job> watched = ConcurrentHashMap.newKeySet();
    private final ResponseHeaders headers;
    private final String retryAfter;
    private final byte[] busy;
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong abandoned = new AtomicLong();

    /** @param featureCount the features a layer holds (its catalog entry), {@code Long.MAX_VALUE} when unknown */
    public ExpensiveRequests(ExpensiveProperties properties, ResponseHeaders headers, ToLongFunction<String> featureCount) {
        this.cost = new RequestCost(properties.smallLimit(), properties.smallImage(), featureCount);
        this.headers = headers;
        long seconds = Math.max(1, properties.retryAfter().toSeconds());
        this.retryAfter = Long.toString(seconds);
        this.busy = SecurityProblems.document(HttpStatus.SERVICE_UNAVAILABLE, "busy",
                "服务器正忙：等待绘制地图、导出文件等较重请求的队列已满，请 " + seconds + " 秒后重试",
                "the server is busy: the queue of heavy requests (map images, exports, large queries) is full; "
                        + "try again in " + seconds + " s").getBytes(StandardCharsets.UTF_8);
        this.pool = new ThreadPoolExecutor(properties.threads(), properties.threads(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(properties.queue()), named("planmap-expensive-"));
        Duration every = properties.disconnectCheck();
        this.watch = Executors.newSingleThreadScheduledExecutor(named("planmap-expensive-watch-"));
        watch.scheduleWithFixedDelay(this::checkClients, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One failure must not end the watch: a scheduled task that throws is never run again. */
    private void checkClients() {
        for (Job job : watched) {
            try {
                job.checkClient();
            } catch (RuntimeException e) {
                log.warn("could not look at the connection of {}: {}", job.request.getHttpURI().getPath(), e.toString());
            }
        }
    }

    /** Whether the request goes to the expensive pool ({@link RequestCost}). */
    public boolean expensive(Request request) {
        return cost.expensive(request);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!cost.expensive(request)) {
            return super.handle(request, response, callback);
        }
        Job job = new Job(request, response, callback);
        try {
            pool.execute(job);
        } catch (RejectedExecutionException e) {
            refused.incrementAndGet();
            refuse(response, callback);
            return true;
        }
        job.watch();
        return true;
    }

    /** Expensive requests begun (not those dropped while waiting, nor those refused). */
    public long started() {
        return started.get();
    }

    /** Expensive requests answered 503 because the queue was full. */
    public long refused() {
        return refused.get();
    }

    /** Expensive requests dropped or stopped because their client had gone. */
    public long abandoned() {
        return abandoned.get();
    }

    /** Threads working on an expensive request now. */
    public int running() {
        return pool.getActiveCount();
    }

    /** Expensive requests waiting for a thread now. */
    public int waiting() {
        return pool.getQueue().size();
    }

    @Override
    protected void doStop() throws Exception {
        watch.shutdownNow();
        pool.shutdownNow();
        super.doStop();
    }

    private void refuse(Response response, Callback callback) {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        HttpFields.Mutable fields = response.getHeaders();
        headers.problems().forEach(h -> fields.put(new HttpField(h.name(), h.value())));
        fields.put(HttpHeader.CONTENT_TYPE, SecurityProblems.MEDIA_TYPE + ";charset=utf-8");
        fields.put(HttpHeader.RETRY_AFTER, retryAfter);
        response.write(true, ByteBuffer.wrap(busy), callback);
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** One expensive request from its arrival to its answer; its state changes under its own lock. */
    private final class Job implements Runnable, Callback {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final EndPoint endPoint;
        private final SocketChannel channel;
        private final ByteBuffer probe = ByteBuffer.allocate(1);
        private boolean running;
        private boolean done;
        private Thread worker;

        Job(Request request, Response response, Callback callback) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
            boolean bodyless = request.getLength() <= 0 && !request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
            this.channel = bodyless && endPoint instanceof SocketChannelEndPoint socket ? socket.getChannel() : null;
            // Waiting in turn is not idleness: only a client that left ends a waiting request.
            request.addIdleTimeoutListener(timeout -> isRunning());
        }

        void watch() {
            if (channel != null) {
                watched.add(this);
            }
        }

        @Override
        public void run() {
            synchronized (this) {
                if (done) {
                    return;
                }
                running = true;
                worker = Thread.currentThread();
            }
            started.incrementAndGet();
            try {
                if (!ExpensiveRequests.super.handle(request, response, this)) {
                    Response.writeError(request, response, this, HttpStatus.NOT_FOUND.value());
                }
            } catch (Throwable t) {
                Response.writeError(request, response, this, t);
            } finally {
                synchronized (this) {
                    worker = null;
                    // An interrupt meant for this request must not reach the next one on this thread.
                    Thread.interrupted();
                }
            }
        }

        private synchronized boolean isRunning() {
            return running;
        }

        /** On the watch thread: has the client closed its connection? Reads only when nothing is waiting to be read. */
        void checkClient() {
            boolean wasRunning;
            synchronized (this) {
                if (done || !clientGone()) {
                    return;
                }
                done = true;
                wasRunning = running;
                if (worker != null) {
                    // Under the lock: once run() has let go of its thread, the interrupt would hit the next request.
                    worker.interrupt();
                }
            }
            watched.remove(this);
            abandoned.incrementAndGet();
            EofException gone = new EofException("the client closed the connection");
            if (!wasRunning) {
                pool.remove(this);
                callback.failed(gone);
                return;
            }
            endPoint.close(gone);
        }

        private boolean clientGone() {
            try {
                boolean gone = channel.socket().getInputStream().available() == 0 && channel.read(probe.clear()) < 0;
                if (probe.position() > 0) {
                    // A byte of a next request arrived between the two calls: taken, so stop looking at this one.
                    watched.remove(this);
                }
                return gone;
            } catch (IOException | RuntimeException e) {
                return true;
            }
        }

        @Override
        public void succeeded() {
            finish();
            callback.succeeded();
        }

        @Override
        public void failed(Throwable x) {
            finish();
            callback.failed(x);
        }

        @Override
        public InvocationType getInvocationType() {
            return callback.getInvocationType();
        }

        /** Before Jetty reads the connection's next request: the watch thread must not read it any more. */
        private synchronized void finish() {
            done = true;
            watched.remove(this);
        }
    }
}
