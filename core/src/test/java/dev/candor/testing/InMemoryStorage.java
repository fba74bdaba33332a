package dev.candor.testing;

import dev.candor.model.ConsentChange;
import dev.candor.model.ConsentState;
import dev.candor.model.Event;
import dev.candor.model.Feedback;
import dev.candor.model.Item;
import dev.candor.model.ItemId;
import dev.candor.model.Preferences;
import dev.candor.model.Purpose;
import dev.candor.model.SubjectId;
import dev.candor.store.ApiKey;
import dev.candor.store.ApiKeyStore;
import dev.candor.store.ConsentStore;
import dev.candor.store.EventStore;
import dev.candor.store.FeedbackStore;
import dev.candor.store.ItemStore;
import dev.candor.store.Page;
import dev.candor.store.PreferenceStore;
import dev.candor.store.Storage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A {@link Storage} in memory, for fast engine tests. Synchronized on itself; counts reads of
 * behavioural events so tests can assert a path never touched them.
 */
public final class InMemoryStorage implements Storage {
    private final TreeMap<ItemId, Item> items = new TreeMap<>();
    private final Map<SubjectId, ConsentState> consent = new TreeMap<>();
    private final Map<SubjectId, List<ConsentChange>> consentHistory = new TreeMap<>();
    private final TreeMap<Long, Event> events = new TreeMap<>();
    private final Map<SubjectId, Preferences> prefs = new TreeMap<>();
    private final List<Feedback> feedback = new ArrayList<>();
    private final Map<String, ApiKey> keys = new TreeMap<>();
    /** Number of calls that read behavioural events. */
    public final AtomicInteger eventReads = new AtomicInteger();
    /** Runs at the start of each event append, outside the storage's lock (tests park an ingest there). */
    public volatile Runnable beforeAppend = () -> { };

    @Override
    public ItemStore items() {
        return new ItemStore() {
            @Override
            public void putAll(List<Item> batch) {
                synchronized (InMemoryStorage.this) {
                    batch.forEach(i -> items.put(i.id(), i));
                }
            }

            @Override
            public Optional<Item> get(ItemId id) {
                synchronized (InMemoryStorage.this) {
                    return Optional.ofNullable(items.get(id));
                }
            }

            @Override
            public boolean delete(ItemId id) {
                synchronized (InMemoryStorage.this) {
                    return items.remove(id) != null;
                }
            }

            @Override
            public Page<Item, ItemId> list(int limit, Optional<ItemId> after) {
                synchronized (InMemoryStorage.this) {
                    var tail = after.isPresent() ? items.tailMap(after.get(), false) : items;
                    List<Item> page = tail.values().stream().limit(limit).toList();
                    boolean more = tail.size() > limit;
                    return new Page<>(page, more ? Optional.of(page.getLast().id()) : Optional.empty());
                }
            }

            @Override
            public void forEach(Consumer<Item> sink) {
                List<Item> copy;
                synchronized (InMemoryStorage.this) {
                    copy = List.copyOf(items.values());
                }
                copy.forEach(sink);
            }

            @Override
            public long count() {
                synchronized (InMemoryStorage.this) {
                    return items.size();
                }
            }
        };
    }

    @Override
    public ConsentStore consents() {
        return new ConsentStore() {
            @Override
            public ConsentState record(SubjectId subject, Map<Purpose, Boolean> changes, Instant at, String source) {
                synchronized (InMemoryStorage.this) {
                    ConsentState next = consent.getOrDefault(subject, ConsentState.DEFAULT).with(changes, at);
                    consent.put(subject, next);
                    changes.forEach((p, g) -> consentHistory.computeIfAbsent(subject, s -> new ArrayList<>())
                            .add(new ConsentChange(p, g, at, source)));
                    return next;
                }
            }

            @Override
            public Optional<ConsentState> current(SubjectId subject) {
                synchronized (InMemoryStorage.this) {
                    return Optional.ofNullable(consent.get(subject));
                }
            }

            @Override
            public List<ConsentChange> history(SubjectId subject) {
                synchronized (InMemoryStorage.this) {
                    return List.copyOf(consentHistory.getOrDefault(subject, List.of()));
                }
            }

            @Override
            public void forEachCurrent(BiConsumer<SubjectId, ConsentState> sink) {
                Map<SubjectId, ConsentState> copy;
                synchronized (InMemoryStorage.this) {
                    copy = Map.copyOf(consent);
                }
                copy.forEach(sink);
            }

            @Override
            public long deleteSubject(SubjectId subject) {
                synchronized (InMemoryStorage.this) {
                    long n = consentHistory.getOrDefault(subject, List.of()).size() + (consent.containsKey(subject) ? 1 : 0);
                    consent.remove(subject);
                    consentHistory.remove(subject);
                    return n;
                }
            }
        };
    }

    @Override
    public EventStore events() {
        return new EventStore() {
            @Override
            public void append(List<Event> batch) {
                beforeAppend.run();
                synchronized (InMemoryStorage.this) {
                    batch.forEach(e -> events.put(e.id(), e));
                }
            }

            @Override
            public List<Event> forSubject(SubjectId subject) {
                eventReads.incrementAndGet();
                synchronized (InMemoryStorage.this) {
                    return events.values().stream().filter(e -> e.subject().equals(subject)).toList();
                }
            }

            @Override
            public Optional<Event> get(long eventId) {
                eventReads.incrementAndGet();
                synchronized (InMemoryStorage.this) {
                    return Optional.ofNullable(events.get(eventId));
                }
            }

            @Override
            public void forEach(Consumer<Event> sink) {
                eventReads.incrementAndGet();
                List<Event> copy;
                synchronized (InMemoryStorage.this) {
                    copy = List.copyOf(events.values());
                }
                copy.forEach(sink);
            }

            @Override
            public boolean delete(SubjectId subject, long eventId) {
                synchronized (InMemoryStorage.this) {
                    Event e = events.get(eventId);
                    if (e == null || !e.subject().equals(subject)) {
                        return false;
                    }
                    events.remove(eventId);
                    return true;
                }
            }

            @Override
            public long deleteSubject(SubjectId subject) {
                synchronized (InMemoryStorage.this) {
                    long before = events.size();
                    events.values().removeIf(e -> e.subject().equals(subject));
                    return before - events.size();
                }
            }

            @Override
            public long deleteOlderThan(dev.candor.model.EventType type, java.time.Instant cutoff) {
                synchronized (InMemoryStorage.this) {
                    long before = events.size();
                    events.values().removeIf(e -> e.type().equals(type) && e.timestamp().isBefore(cutoff));
                    return before - events.size();
                }
            }

            @Override
            public long count() {
                synchronized (InMemoryStorage.this) {
                    return events.size();
                }
            }

            @Override
            public long maxId() {
                synchronized (InMemoryStorage.this) {
                    return events.isEmpty() ? 0 : events.lastKey();
                }
            }
        };
    }

    @Override
    public PreferenceStore preferences() {
        return new PreferenceStore() {
            @Override
            public Optional<Preferences> get(SubjectId subject) {
                synchronized (InMemoryStorage.this) {
                    return Optional.ofNullable(prefs.get(subject));
                }
            }

            @Override
            public void put(SubjectId subject, Preferences p) {
                synchronized (InMemoryStorage.this) {
                    prefs.put(subject, p);
                }
            }

            @Override
            public boolean delete(SubjectId subject) {
                synchronized (InMemoryStorage.this) {
                    return prefs.remove(subject) != null;
                }
            }

            @Override
            public void forEach(BiConsumer<SubjectId, Preferences> sink) {
                Map<SubjectId, Preferences> copy;
                synchronized (InMemoryStorage.this) {
                    copy = Map.copyOf(prefs);
                }
                copy.forEach(sink);
            }
        };
    }

    @Override
    public FeedbackStore feedback() {
        return new FeedbackStore() {
            @Override
            public void append(Feedback f) {
                synchronized (InMemoryStorage.this) {
                    feedback.add(f);
                }
            }

            @Override
            public List<Feedback> forSubject(SubjectId subject) {
                synchronized (InMemoryStorage.this) {
                    return feedback.stream().filter(f -> f.subject().equals(subject)).toList();
                }
            }

            @Override
            public void forEach(Consumer<Feedback> sink) {
                List<Feedback> copy;
                synchronized (InMemoryStorage.this) {
                    copy = List.copyOf(feedback);
                }
                copy.forEach(sink);
            }

            @Override
            public long deleteSubject(SubjectId subject) {
                synchronized (InMemoryStorage.this) {
                    long before = feedback.size();
                    feedback.removeIf(f -> f.subject().equals(subject));
                    return before - feedback.size();
                }
            }

            @Override
            public long maxId() {
                synchronized (InMemoryStorage.this) {
                    return feedback.stream().mapToLong(Feedback::id).max().orElse(0);
                }
            }
        };
    }

    @Override
    public dev.candor.privacy.dp.BudgetLedger.Store privacyBudget() {
        return budget;
    }

    private final dev.candor.privacy.dp.BudgetLedger.Store budget = new dev.candor.privacy.dp.BudgetLedger.InMemory();

    @Override
    public dev.candor.privacy.SubjectKeyStore subjectKeys() {
        return subjectKeys;
    }

    /** Wrapped data keys, exposed so tests can check shredding. */
    public final Map<SubjectId, byte[]> wrappedKeys = new java.util.concurrent.ConcurrentHashMap<>();
    private final dev.candor.privacy.SubjectKeyStore subjectKeys = new dev.candor.privacy.SubjectKeyStore() {
        @Override
        public Optional<byte[]> wrappedKey(SubjectId subject) {
            return Optional.ofNullable(wrappedKeys.get(subject));
        }

        @Override
        public byte[] putIfAbsent(SubjectId subject, byte[] wrapped) {
            byte[] prev = wrappedKeys.putIfAbsent(subject, wrapped);
            return prev == null ? wrapped : prev;
        }

        @Override
        public boolean delete(SubjectId subject) {
            return wrappedKeys.remove(subject) != null;
        }
    };

    @Override
    public dev.candor.audit.AuditStore audit() {
        return audit;
    }

    /** The audit chain in memory; {@link #auditRows} is exposed so tests can tamper with it. */
    public final java.util.List<dev.candor.audit.AuditEntry> auditRows = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The stored head; public so tests can tamper with it. */
    public volatile dev.candor.audit.AuditStore.Head auditHead;
    private final Map<SubjectId, byte[]> auditSalts = new java.util.concurrent.ConcurrentHashMap<>();
    private final dev.candor.audit.AuditStore audit = new dev.candor.audit.AuditStore() {
        @Override
        public void append(dev.candor.audit.AuditEntry entry, Optional<String> headMac) {
            auditRows.add(entry);
            auditHead = new Head(entry.seq(), entry.hash(), headMac);
        }

        @Override
        public void signHead(Head head) {
            if (auditHead != null && auditHead.seq() == head.seq() && auditHead.hash().equals(head.hash())) {
                auditHead = head;
            }
        }

        @Override
        public Optional<Head> head() {
            return Optional.ofNullable(auditHead);
        }

        @Override
        public List<dev.candor.audit.AuditEntry> list(long afterSeq, int limit) {
            return auditRows.stream().filter(e -> e.seq() > afterSeq).limit(limit).toList();
        }

        @Override
        public void forEach(Consumer<dev.candor.audit.AuditEntry> sink) {
            auditRows.forEach(sink);
        }

        @Override
        public List<dev.candor.audit.AuditEntry> forSubjectRef(String ref) {
            return auditRows.stream().filter(e -> e.subjectRef().equals(Optional.of(ref))).toList();
        }

        @Override
        public Optional<byte[]> subjectSalt(SubjectId subject, boolean create) {
            if (!create) {
                return Optional.ofNullable(auditSalts.get(subject));
            }
            return Optional.of(auditSalts.computeIfAbsent(subject, s -> {
                byte[] salt = new byte[32];
                new java.security.SecureRandom().nextBytes(salt);
                return salt;
            }));
        }

        @Override
        public boolean deleteSubjectSalt(SubjectId subject) {
            return auditSalts.remove(subject) != null;
        }
    };

    @Override
    public ApiKeyStore apiKeys() {
        return new ApiKeyStore() {
            @Override
            public void put(ApiKey key) {
                synchronized (InMemoryStorage.this) {
                    keys.put(key.keyId(), key);
                }
            }

            @Override
            public Optional<ApiKey> get(String keyId) {
                synchronized (InMemoryStorage.this) {
                    return Optional.ofNullable(keys.get(keyId));
                }
            }

            @Override
            public List<ApiKey> list() {
                synchronized (InMemoryStorage.this) {
                    return List.copyOf(keys.values());
                }
            }

            @Override
            public boolean revoke(String keyId, Instant at) {
                synchronized (InMemoryStorage.this) {
                    ApiKey k = keys.get(keyId);
                    if (k == null || !k.active()) {
                        return false;
                    }
                    keys.put(keyId, new ApiKey(k.keyId(), k.hash(), k.scopes(), k.label(), k.createdAt(), Optional.of(at)));
                    return true;
                }
            }
        };
    }

    private final dev.candor.experiment.ExperimentStore experiments = new dev.candor.experiment.InMemoryExperimentStore();
    /** The exposure log, exposed so tests can look for leftovers after erasure. */
    public final dev.candor.experiment.InMemoryExposureLog exposures = new dev.candor.experiment.InMemoryExposureLog();
    private final Map<String, dev.candor.model.CuratedCollection> collections = new TreeMap<>();
    private final TreeMap<Instant, dev.candor.monitor.BucketCounts> buckets = new TreeMap<>();
    private final TreeMap<java.time.LocalDate, Map<String, Long>> exposureDays = new TreeMap<>();

    @Override
    public dev.candor.experiment.ExperimentStore experiments() {
        return experiments;
    }

    @Override
    public dev.candor.experiment.ExposureLog exposures() {
        return exposures;
    }

    @Override
    public dev.candor.store.CollectionStore collections() {
        return new dev.candor.store.CollectionStore() {
            @Override
            public void put(dev.candor.model.CuratedCollection c) {
                synchronized (InMemoryStorage.this) {
                    collections.put(c.id(), c);
                }
            }

            @Override
            public Optional<dev.candor.model.CuratedCollection> get(String id) {
                synchronized (InMemoryStorage.this) {
                    return Optional.ofNullable(collections.get(id));
                }
            }

            @Override
            public List<dev.candor.model.CuratedCollection> list() {
                synchronized (InMemoryStorage.this) {
                    return List.copyOf(collections.values());
                }
            }

            @Override
            public boolean delete(String id) {
                synchronized (InMemoryStorage.this) {
                    return collections.remove(id) != null;
                }
            }
        };
    }

    @Override
    public dev.candor.store.MonitorStore monitor() {
        return new dev.candor.store.MonitorStore() {
            @Override
            public void addBuckets(List<dev.candor.monitor.BucketCounts> deltas) {
                synchronized (InMemoryStorage.this) {
                    for (var d : deltas) {
                        buckets.merge(d.start(), d, (x, y) -> {
                            Map<String, Long> sum = new TreeMap<>(x.counters());
                            y.counters().forEach((k, v) -> sum.merge(k, v, Long::sum));
                            List<Long> lat = new ArrayList<>(x.erasureMillis());
                            lat.addAll(y.erasureMillis());
                            return new dev.candor.monitor.BucketCounts(x.start(), sum, lat, y.census().or(x::census));
                        });
                    }
                }
            }

            @Override
            public List<dev.candor.monitor.BucketCounts> buckets(Instant from) {
                synchronized (InMemoryStorage.this) {
                    return List.copyOf(buckets.tailMap(from, true).values());
                }
            }

            @Override
            public void addExposure(Map<java.time.LocalDate, Map<String, Long>> counts) {
                synchronized (InMemoryStorage.this) {
                    counts.forEach((d, m) -> {
                        Map<String, Long> day = exposureDays.computeIfAbsent(d, x -> new TreeMap<>());
                        m.forEach((k, v) -> day.merge(k, v, Long::sum));
                    });
                }
            }

            @Override
            public Map<java.time.LocalDate, Map<String, Long>> exposure(java.time.LocalDate from) {
                synchronized (InMemoryStorage.this) {
                    Map<java.time.LocalDate, Map<String, Long>> out = new TreeMap<>();
                    exposureDays.tailMap(from, true).forEach((d, m) -> out.put(d, Map.copyOf(m)));
                    return out;
                }
            }

            @Override
            public void deleteBefore(Instant bucketsBefore, java.time.LocalDate daysBefore) {
                synchronized (InMemoryStorage.this) {
                    buckets.headMap(bucketsBefore, false).clear();
                    exposureDays.headMap(daysBefore, false).clear();
                }
            }
        };
    }

    @Override
    public boolean isHealthy() {
        return true;
    }

    @Override
    public String description() {
        return "memory";
    }

    @Override
    public void close() {
    }
}
