package io.github.cptestkit.mock.internal.lambda;

import io.github.cptestkit.mock.lambda.FunctionError;
import io.github.cptestkit.mock.lambda.FunctionSettings;
import io.github.cptestkit.mock.lambda.InvocationAttempt;
import io.github.cptestkit.mock.lambda.LambdaFunction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The Lambda side of the mock: the functions it serves by name, each with its queue of events (the
 * {@code {"CodePipeline.job": ...}} event of a Lambda invoke job), the invocations runtimes hold, and what Lambda
 * does with them: a runtime's {@code next} is answered as soon as an event is queued, an invocation whose deadline
 * passes on the mock's clock times out, a failed attempt is retried (asynchronous invocation: twice, after one and
 * then two minutes), and an event that failed every attempt is discarded. Plain Java: no HTTP, no JSON; Runtime
 * API refusals are {@link RuntimeApiRefusal}s in Lambda's own shape.
 *
 * <p><b>Time</b> comes from the injected {@link Clock}. Deadlines and retries take effect lazily, whenever a
 * function is touched, and in {@link #tick()}; {@link #nextDue()} says when the next one is due, so that the
 * owner can call {@code tick()} then (or when the clock is moved). Nothing sleeps and no thread is started here.
 *
 * <p><b>Long polls</b>: {@link #next} answers a {@link CompletableFuture} that is complete at once when an event is
 * ready, and completes when one is queued or comes due for its retry. Many runtimes may wait on one function (as
 * Lambda runs many environments of it): each invocation goes to one of them, in the order they asked. A caller that
 * gives up cancels its future; an invocation never goes to a cancelled one.
 *
 * <p><b>Thread safety: one lock</b> (this object's monitor) guards all state. Waiters are completed under it (they
 * must have no dependent actions that call back); {@link #onEventDiscarded listeners} are called after it is
 * released, so that they may call into the job store, whose own hook calls {@link #invoke} under the store's lock.
 *
 * <pre>{@code
 * LambdaFunctions functions = new LambdaFunctions(LambdaFunctions.Settings.defaults(clock));
 * functions.invoke("Deploy", jobId, "111111111111", eventJson);
 * Invocation invocation = functions.next("Deploy").join();     // what GET .../invocation/next answers
 * functions.respond("Deploy", invocation.requestId(), 4);      // POST .../invocation/{id}/response
 * }</pre>
 */
public final class LambdaFunctions {

    /** How many ended attempts each function keeps for inspection. */
    public static final int ATTEMPTS_KEPT = 1_000;
    /** The largest response the Runtime API takes, as Lambda's runtime interface emulator counts it. */
    public static final int DEFAULT_RESPONSE_LIMIT_BYTES = 6 * 1024 * 1024 + 100;
    /** Lambda's function names (the mock serves plain names, not ARNs or qualified names). */
    public static final Pattern FUNCTION_NAME = LambdaFunction.NAME;
    /** An account id for the function ARN of an event whose job names none. */
    static final String DEFAULT_ACCOUNT = "123456789012";
    /** How long Lambda waits before the first and before the second retry of an asynchronous invocation. */
    static final List<Duration> RETRY_DELAYS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(2));

    /**
     * How the functions behave.
     *
     * @param clock              where time comes from
     * @param region             the region in function ARNs
     * @param requestIds         makes request ids (random UUIDs by default)
     * @param responseLimitBytes the largest response a runtime may post
     */
    public record Settings(Clock clock, String region, Supplier<String> requestIds, int responseLimitBytes) {
        public Settings {
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(requestIds, "requestIds");
            if (responseLimitBytes < 1) {
                throw new IllegalArgumentException("responseLimitBytes must be 1 or more, but was "
                        + responseLimitBytes);
            }
        }

        /** Region us-east-1, random request ids and Lambda's response limit, on {@code clock}. */
        public static Settings defaults(Clock clock) {
            return new Settings(clock, "us-east-1", () -> UUID.randomUUID().toString(),
                    DEFAULT_RESPONSE_LIMIT_BYTES);
        }
    }

    /** An event waiting for, or being given, an attempt. */
    private static final class Event {
        final String jobId;
        final String accountId;
        final byte[] payload;
        final long sequence;
        int attempts;
        Instant dueAt;

        Event(String jobId, String accountId, byte[] payload, long sequence, Instant dueAt) {
            this.jobId = jobId;
            this.accountId = accountId;
            this.payload = payload;
            this.sequence = sequence;
            this.dueAt = dueAt;
        }
    }

    private record Held(Event event, Invocation invocation, Instant startedAt) {}

    private static final class Function {
        final String name;
        FunctionSettings settings;
        final ArrayDeque<Event> ready = new ArrayDeque<>();
        /** Events waiting for a retry, by due time then sequence. */
        final TreeMap<Instant, List<Event>> scheduled = new TreeMap<>();
        final Map<String, Held> held = new LinkedHashMap<>();
        final ArrayDeque<CompletableFuture<Invocation>> waiters = new ArrayDeque<>();
        final ArrayDeque<InvocationAttempt> attempts = new ArrayDeque<>();
        FunctionError initError;
        long attemptsEnded;
        /** {@link #attemptsEnded} once what the attempts caused (a discarded event's job failed) was done. */
        long attemptsSettled;

        Function(String name, FunctionSettings settings) {
            this.name = name;
            this.settings = settings;
        }

        int scheduledCount() {
            int count = 0;
            for (List<Event> events : scheduled.values()) {
                count += events.size();
            }
            return count;
        }
    }

    private final Settings settings;
    private final Map<String, Function> functions = new LinkedHashMap<>();
    private final List<Consumer<DiscardedEvent>> discardListeners = new CopyOnWriteArrayList<>();
    /** Events discarded under the lock, handed to the listeners once it is released. */
    private final List<DiscardedEvent> discarded = new ArrayList<>();
    /** How many threads are handing discarded events to the listeners now (attempts settle when none is). */
    private int firing;
    private volatile Runnable scheduleChanged = () -> { };
    /** Whether a deadline or retry was added since the schedule listener was last told. */
    private boolean scheduleDirty;
    private long sequence;
    private boolean closed;

    public LambdaFunctions(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The clock the functions run on. */
    public Clock clock() {
        return settings.clock();
    }

    /** Calls {@code listener} (outside the lock) for every event discarded after its last failed attempt. */
    public void onEventDiscarded(Consumer<DiscardedEvent> listener) {
        discardListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Calls {@code listener} (outside the lock) after every change that may move {@link #nextDue()}: a timer that
     * waits for the next deadline or retry waits again.
     */
    public void onScheduleChanged(Runnable listener) {
        this.scheduleChanged = Objects.requireNonNull(listener, "listener");
    }

    // ---------------------------------------------------------------- setup

    /** Makes {@code name} known with {@code functionSettings}, or changes the settings of a known function. */
    public void register(String name, FunctionSettings functionSettings) {
        requireName(name);
        Objects.requireNonNull(functionSettings, "functionSettings");
        synchronized (this) {
            functions.computeIfAbsent(name, n -> new Function(n, functionSettings)).settings = functionSettings;
        }
    }

    /** Whether the mock serves {@code name}. */
    public synchronized boolean isKnown(String name) {
        return functions.containsKey(name);
    }

    /** The names of the functions served, in the order they became known. */
    public synchronized List<String> names() {
        return List.copyOf(functions.keySet());
    }

    /**
     * Queues an event for {@code functionName} (which becomes known, with the default settings, if it was not): as
     * CodePipeline invokes the function of a Lambda invoke job asynchronously.
     *
     * @param jobId     the job the event carries
     * @param accountId the job's account (for the function ARN); {@code null} for a default
     * @param event     the event's bytes
     */
    public void invoke(String functionName, String jobId, String accountId, byte[] event) {
        requireName(functionName);
        Objects.requireNonNull(event, "event");
        try {
            synchronized (this) {
                if (closed) {
                    throw new IllegalStateException("these Lambda functions are closed (the mock stopped); start"
                            + " another mock to invoke " + functionName);
                }
                Instant now = now();
                applyDue(now);
                Function function = functions.computeIfAbsent(functionName,
                        n -> new Function(n, FunctionSettings.defaults()));
                function.ready.addLast(new Event(jobId, accountId == null ? DEFAULT_ACCOUNT : accountId,
                        event.clone(), ++sequence, now));
                dispatch(function, now);
            }
        } finally {
            afterChange();
        }
    }

    // ---------------------------------------------------------------- the Runtime API

    /**
     * {@code GET /2018-06-01/runtime/invocation/next}: the next invocation, at once if an event is ready, else when
     * one is. A runtime that asks has initialised, so an init error reported before is no longer served.
     *
     * @throws RuntimeApiRefusal 404 for a function the mock does not know
     */
    public CompletableFuture<Invocation> next(String functionName) {
        try {
            synchronized (this) {
                Instant now = now();
                applyDue(now);
                Function function = known(functionName);
                CompletableFuture<Invocation> waiter = new CompletableFuture<>();
                if (closed) {
                    waiter.completeExceptionally(new IllegalStateException("the mock stopped"));
                    return waiter;
                }
                function.initError = null;
                function.waiters.addLast(waiter);
                dispatch(function, now);
                return waiter;
            }
        } finally {
            afterChange();
        }
    }

    /**
     * {@code POST /2018-06-01/runtime/invocation/{requestId}/response}. A response over the limit ends the attempt
     * as an error ({@code Function.ResponseSizeTooLarge}) and is refused with 413.
     *
     * @param sizeBytes the response's size (its bytes are not kept: an asynchronous invocation's response is
     *                  discarded)
     * @throws RuntimeApiRefusal 404 for an unknown function, 400 {@code InvalidRequestID} for a request id that is
     *                           not an invocation of this function waiting for its answer, 413 for an oversized
     *                           response
     */
    public void respond(String functionName, String requestId, long sizeBytes) {
        try {
            synchronized (this) {
                Instant now = now();
                applyDue(now);
                Function function = known(functionName);
                Held held = take(function, requestId);
                if (sizeBytes > settings.responseLimitBytes()) {
                    fail(function, held, now, InvocationAttempt.Outcome.RESPONSE_TOO_LARGE, new FunctionError(
                            "Function.ResponseSizeTooLarge", "Response payload size (" + sizeBytes
                            + " bytes) exceeded maximum allowed payload size (" + settings.responseLimitBytes()
                            + " bytes)."));
                    throw new RuntimeApiRefusal(413, RuntimeApiRefusal.REQUEST_ENTITY_TOO_LARGE,
                            "Exceeded maximum allowed payload size (" + settings.responseLimitBytes()
                            + " bytes).");
                }
                record(function, new InvocationAttempt(requestId, held.event().jobId, held.invocation().attempt(),
                        held.startedAt(), now, InvocationAttempt.Outcome.RESPONDED, null));
            }
        } finally {
            afterChange();
        }
    }

    /**
     * {@code POST /2018-06-01/runtime/invocation/{requestId}/error}: the attempt failed with {@code error}; it is
     * retried unless it was the last.
     *
     * @throws RuntimeApiRefusal 404 for an unknown function, 400 {@code InvalidRequestID} for a request id that is
     *                           not an invocation of this function waiting for its answer
     */
    public void error(String functionName, String requestId, FunctionError error) {
        Objects.requireNonNull(error, "error");
        try {
            synchronized (this) {
                Instant now = now();
                applyDue(now);
                Function function = known(functionName);
                fail(function, take(function, requestId), now, InvocationAttempt.Outcome.FUNCTION_ERROR, error);
            }
        } finally {
            afterChange();
        }
    }

    /**
     * {@code POST /2018-06-01/runtime/init/error}: the runtime could not initialise. Lambda serves the error in
     * answer to the first invoke: the next event ready (now, or when one is) fails its attempt with it.
     *
     * @throws RuntimeApiRefusal 404 for an unknown function
     */
    public void initError(String functionName, FunctionError error) {
        Objects.requireNonNull(error, "error");
        try {
            synchronized (this) {
                Instant now = now();
                applyDue(now);
                Function function = known(functionName);
                function.initError = error;
                dispatch(function, now);
            }
        } finally {
            afterChange();
        }
    }

    /**
     * Takes back an invocation handed to a runtime whose request will not be answered (its connection is going, the
     * mock stops): the event goes back to the front of the queue, no attempt counted. An unknown request id is
     * ignored.
     */
    public void abandon(String functionName, String requestId) {
        try {
            synchronized (this) {
                Function function = functions.get(functionName);
                Held held = function == null ? null : function.held.remove(requestId);
                if (held != null) {
                    function.ready.addFirst(held.event());
                    dispatch(function, now());
                }
            }
        } finally {
            afterChange();
        }
    }

    /**
     * Waits until function {@code name} has ended at least {@code count} attempts since it became known (or since
     * the last reset), at most {@code timeout} of real time: for tests whose runtime runs in another process.
     * Answers its attempts, newest first, once what they caused is done (the discard listeners have run).
     *
     * @throws IllegalStateException when the time is up first, saying how many attempts it has
     */
    public List<InvocationAttempt> awaitAttempts(String name, int count, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            tick(); // what came due, with its listeners
            synchronized (this) {
                Function function = known(name);
                if (function.attemptsSettled >= count) {
                    return List.copyOf(function.attempts);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("function " + name + " ended " + function.attemptsEnded
                            + " attempts, not " + count + ", within " + timeout + "; its runtime may not run (check"
                            + " its output), or may be waiting for a retry that the mock's clock has not reached");
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for attempts of function " + name, e);
                }
            }
        }
    }

    // ---------------------------------------------------------------- time

    /** Applies every deadline and retry due by now (call it when the clock was moved, or at {@link #nextDue()}). */
    public void tick() {
        try {
            synchronized (this) {
                applyDue(now());
            }
        } finally {
            afterChange();
        }
    }

    /** When the next deadline or retry is due, or empty when none is pending. */
    public synchronized Optional<Instant> nextDue() {
        Instant next = null;
        for (Function function : functions.values()) {
            if (!function.scheduled.isEmpty()) {
                next = earlier(next, function.scheduled.firstKey());
            }
            for (Held held : function.held.values()) {
                next = earlier(next, held.invocation().deadline());
            }
        }
        return Optional.ofNullable(next);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    // ---------------------------------------------------------------- inspection and lifecycle

    /** The function now, or empty when the mock does not know it. */
    public Optional<FunctionView> view(String name) {
        try {
            synchronized (this) {
                applyDue(now());
                Function function = functions.get(name);
                return function == null ? Optional.empty() : Optional.of(viewOf(function));
            }
        } finally {
            afterChange();
        }
    }

    /** Every function now, in the order they became known. */
    public List<FunctionView> views() {
        try {
            synchronized (this) {
                applyDue(now());
                List<FunctionView> all = new ArrayList<>();
                for (Function function : functions.values()) {
                    all.add(viewOf(function));
                }
                return all;
            }
        } finally {
            afterChange();
        }
    }

    private static FunctionView viewOf(Function function) {
        return new FunctionView(function.name, function.settings, function.ready.size() + function.scheduledCount(),
                function.ready.size(), List.copyOf(function.held.keySet()), List.copyOf(function.attempts));
    }

    /**
     * Forgets every event, invocation, attempt and init error; the functions stay known with their settings, and
     * runtimes waiting for an invocation go on waiting.
     */
    public synchronized void reset() {
        for (Function function : functions.values()) {
            function.ready.clear();
            function.scheduled.clear();
            function.held.clear();
            function.attempts.clear();
            function.attemptsEnded = 0;
            function.attemptsSettled = 0;
            function.initError = null;
        }
    }

    /** Ends every wait (the runtimes' futures fail) and refuses further events: the mock is stopping. */
    public synchronized void close() {
        closed = true;
        for (Function function : functions.values()) {
            for (CompletableFuture<Invocation> waiter : function.waiters) {
                waiter.completeExceptionally(new IllegalStateException("the mock stopped"));
            }
            function.waiters.clear();
        }
    }

    // ---------------------------------------------------------------- internals

    private Instant now() {
        return settings.clock().instant();
    }

    /** Refuses a name that is not a plain Lambda function name, naming it. */
    public static void requireName(String name) {
        LambdaFunction.requireName(name);
    }

    private Function known(String name) {
        Function function = functions.get(name);
        if (function == null) {
            throw new RuntimeApiRefusal(404, RuntimeApiRefusal.RESOURCE_NOT_FOUND, "Function not found: "
                    + arn(DEFAULT_ACCOUNT, String.valueOf(name)) + ". The mock serves the Runtime API of the"
                    + " functions it knows " + functions.keySet() + ": register the function, or queue a Lambda"
                    + " invoke job whose FunctionName names it");
        }
        return function;
    }

    private static Held take(Function function, String requestId) {
        Held held = function.held.remove(requestId);
        if (held == null) {
            throw new RuntimeApiRefusal(400, RuntimeApiRefusal.INVALID_REQUEST_ID, "Invalid request ID: "
                    + requestId + " is not an invocation of function " + function.name + " waiting for its answer"
                    + " (it was answered already, timed out, or never handed out); answer the request id that"
                    + " GET /2018-06-01/runtime/invocation/next gave in Lambda-Runtime-Aws-Request-Id");
        }
        return held;
    }

    private String arn(String accountId, String name) {
        return "arn:aws:lambda:" + settings.region() + ":" + accountId + ":function:" + name;
    }

    /** Times out the invocations past their deadline and readies the retries now due, in every function. */
    private void applyDue(Instant now) {
        for (Function function : functions.values()) {
            for (Iterator<Held> it = function.held.values().iterator(); it.hasNext(); ) {
                Held held = it.next();
                if (!now.isBefore(held.invocation().deadline())) {
                    it.remove();
                    fail(function, held.event(), held.invocation().requestId(), held.invocation().attempt(),
                            held.startedAt(), held.invocation().deadline(), InvocationAttempt.Outcome.TIMED_OUT,
                            new FunctionError("Sandbox.Timeout", "Task timed out after "
                                    + function.settings.timeout().toSeconds() + ".00 seconds"));
                }
            }
            while (!function.scheduled.isEmpty() && !now.isBefore(function.scheduled.firstKey())) {
                function.ready.addAll(function.scheduled.pollFirstEntry().getValue());
            }
            dispatch(function, now);
        }
    }

    /** Hands ready events to waiting runtimes, and serves a pending init error to the first ready event. */
    private void dispatch(Function function, Instant now) {
        while (!function.ready.isEmpty()) {
            if (function.initError != null) {
                Event event = function.ready.pollFirst();
                FunctionError error = function.initError;
                function.initError = null;
                fail(function, event, null, event.attempts + 1, now, now, InvocationAttempt.Outcome.INIT_ERROR, error);
                continue;
            }
            CompletableFuture<Invocation> waiter = function.waiters.pollFirst();
            if (waiter == null) {
                return;
            }
            if (waiter.isDone()) {
                continue; // the runtime gave up waiting
            }
            Event event = function.ready.pollFirst();
            Invocation invocation = invocation(function, event, now);
            if (waiter.complete(invocation)) {
                function.held.put(invocation.requestId(), new Held(event, invocation, now));
                scheduleDirty = true;
            } else {
                function.ready.addFirst(event); // cancelled while we looked
            }
        }
    }

    private Invocation invocation(Function function, Event event, Instant now) {
        String requestId;
        do {
            requestId = settings.requestIds().get();
        } while (function.held.containsKey(requestId));
        return new Invocation(function.name, requestId, event.jobId, event.attempts + 1, event.payload.clone(),
                now.plus(function.settings.timeout()), arn(event.accountId, function.name),
                traceId(requestId, now));
    }

    /** An X-Ray trace header derived from the request id: {@code Root=1-<time>-<24 hex>;Parent=<16 hex>}. */
    static String traceId(String requestId, Instant now) {
        UUID id = UUID.nameUUIDFromBytes(requestId.getBytes(StandardCharsets.UTF_8));
        String hex = String.format("%016x%016x", id.getMostSignificantBits(), id.getLeastSignificantBits());
        return "Root=1-" + String.format("%08x", now.getEpochSecond()) + "-" + hex.substring(0, 24) + ";Parent="
                + hex.substring(16, 32) + ";Sampled=0";
    }

    private void fail(Function function, Held held, Instant now, InvocationAttempt.Outcome outcome, FunctionError error) {
        fail(function, held.event(), held.invocation().requestId(), held.invocation().attempt(), held.startedAt(),
                now, outcome, error);
    }

    /** Records a failed attempt, then schedules the event's retry, or discards it after its last attempt. */
    private void fail(Function function, Event event, String requestId, int attempt, Instant startedAt,
            Instant endedAt, InvocationAttempt.Outcome outcome, FunctionError error) {
        record(function, new InvocationAttempt(requestId, event.jobId, attempt, startedAt, endedAt, outcome, error));
        event.attempts = attempt;
        if (event.attempts <= function.settings.maximumRetryAttempts()) {
            event.dueAt = endedAt.plus(RETRY_DELAYS.get(event.attempts - 1));
            function.scheduled.computeIfAbsent(event.dueAt, t -> new ArrayList<>()).add(event);
            function.scheduled.get(event.dueAt).sort(Comparator.comparingLong(e -> e.sequence));
            scheduleDirty = true;
        } else {
            discarded.add(new DiscardedEvent(function.name, event.jobId, event.attempts, error,
                    function.settings.failJobWhenDiscarded()));
        }
    }

    private void record(Function function, InvocationAttempt attempt) {
        function.attemptsEnded++;
        function.attempts.addFirst(attempt);
        while (function.attempts.size() > ATTEMPTS_KEPT) {
            function.attempts.removeLast();
        }
    }

    /** After a change, outside the lock: tells the timer, and hands discarded events to the listeners. */
    private void afterChange() {
        List<DiscardedEvent> fired;
        boolean signal;
        synchronized (this) {
            signal = scheduleDirty;
            scheduleDirty = false;
            fired = List.copyOf(discarded);
            discarded.clear();
            firing++;
        }
        try {
            if (signal) {
                scheduleChanged.run();
            }
            for (DiscardedEvent event : fired) {
                for (Consumer<DiscardedEvent> listener : discardListeners) {
                    listener.accept(event);
                }
            }
        } finally {
            settle();
        }
    }

    /** For awaitAttempts: the attempts ended so far are settled once no thread hands events to listeners. */
    private synchronized void settle() {
        firing--;
        if (firing > 0) {
            return;
        }
        for (Function function : functions.values()) {
            if (function.attemptsSettled != function.attemptsEnded) {
                function.attemptsSettled = function.attemptsEnded;
                notifyAll();
            }
        }
    }
}
