/* The joined-word repair's per-form decision: its one implementation.
 *
 * Steps 1-8 of libyakit/segment.py's docstring for one form (common word, function-word
 * pair, particle + verb, best split into two or three parts, the unseen-form estimate by
 * the character model of libyakit/charlm.py, clitic readings, margins, corpus evidence),
 * plus the fast path of fix_joined_words_at (which tokens need no repair at all). There is
 * no Python twin: segment.py holds the constants, clitic lists and tables and passes them
 * at construction (so this file holds no tuning of its own), and does the text-level work
 * around the decision (tokens, diacritics and tanween, rules 6 and 8, the audit). Comments
 * below name steps by the Python names they had when both existed ("Segmenter._best_split").
 *
 * Forms are read as bytes: the Arabic block U+0600..U+06FF maps to 0..255 (the
 * character model's "^" and "$" to 0 and 1, U+0600 and U+0601, which no
 * letter run contains). The lexicon, the part table and the character model
 * are copied into hash tables over those bytes, so a lookup allocates nothing.
 * A form with a character outside the letters (which the repair never asks
 * about) gets None (segment.Segmenter.decide keeps it whole).
 *
 * Built with -ffp-contract=off, so that scores are the same doubles on every machine and
 * equal the sums charlm.CharModel.logp makes in Python (left to right).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define MAX_FORM 64       /* longest form decided here; segment.MAX_RUN may not exceed it */
#define LM_CONTEXT 4      /* charlm.ORDER - 1 */

/* ---- hash tables ------------------------------------------------------- */

static uint64_t
fnv1a(const uint8_t *s, Py_ssize_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

typedef struct {
    uint32_t off;   /* key bytes in pool */
    uint32_t hash;
    uint8_t len;
    uint8_t flags;
    double val;
} Entry;

/* byte-string -> (double, flags); open addressing, linear probing */
typedef struct {
    uint32_t *slots;  /* entry index + 1, 0 empty */
    uint32_t mask;
    Entry *entries;
    uint32_t n, cap_entries;
    uint8_t *pool;
    size_t pool_len, pool_cap;
    uint64_t *bloom;  /* two bits per key: most strings that are not keys cost no probe */
    uint64_t bloom_mask;
} StrTable;

static int
bloom_has(const StrTable *t, uint64_t h)
{
    uint64_t a = h & t->bloom_mask, b = (h >> 32) & t->bloom_mask;
    return (t->bloom[a >> 6] >> (a & 63) & 1) && (t->bloom[b >> 6] >> (b & 63) & 1);
}

static void
bloom_add(StrTable *t, uint64_t h)
{
    uint64_t a = h & t->bloom_mask, b = (h >> 32) & t->bloom_mask;
    t->bloom[a >> 6] |= 1ULL << (a & 63);
    t->bloom[b >> 6] |= 1ULL << (b & 63);
}

static void
st_free(StrTable *t)
{
    PyMem_Free(t->slots);
    PyMem_Free(t->entries);
    PyMem_Free(t->pool);
    PyMem_Free(t->bloom);
    memset(t, 0, sizeof(*t));
}

static int
st_init(StrTable *t, Py_ssize_t expected)
{
    uint32_t cap = 16;
    while (cap < 2 * (uint64_t)expected + 2) cap <<= 1;
    t->slots = PyMem_Calloc(cap, sizeof(uint32_t));
    t->mask = cap - 1;
    t->cap_entries = (uint32_t)expected + 1;
    t->entries = PyMem_Malloc(sizeof(Entry) * t->cap_entries);
    t->pool_cap = 8 * (size_t)expected + 64;
    t->pool = PyMem_Malloc(t->pool_cap);
    t->n = 0;
    t->pool_len = 0;
    uint64_t bits = 1 << 12;
    while (bits < 16 * (uint64_t)expected) bits <<= 1;  /* 16 bits a key: 1.4 % false positives */
    t->bloom = PyMem_Calloc(bits / 64, sizeof(uint64_t));
    t->bloom_mask = bits - 1;
    if (!t->slots || !t->entries || !t->pool || !t->bloom) {
        st_free(t);
        PyErr_NoMemory();
        return -1;
    }
    return 0;
}

static Entry *
st_find(const StrTable *t, const uint8_t *k, Py_ssize_t n)
{
    uint64_t h64 = fnv1a(k, n);
    if (!bloom_has(t, h64)) return NULL;
    uint32_t h = (uint32_t)h64;
    for (uint32_t i = h & t->mask;; i = (i + 1) & t->mask) {
        uint32_t s = t->slots[i];
        if (s == 0) return NULL;
        Entry *e = &t->entries[s - 1];
        if (e->hash == h && e->len == n && memcmp(t->pool + e->off, k, n) == 0) return e;
    }
}

/* A table's slots and entries at a new capacity of `cap` slots (entries: cap / 2, each
 * `size` bytes with its 32-bit hash at `hash_at`), the first n entries placed again. */
static int
regrow(uint32_t **slots_p, uint32_t *mask, void **entries_p, size_t size, size_t hash_at, uint32_t n, uint32_t cap)
{
    uint32_t *slots = PyMem_Calloc(cap, sizeof(uint32_t));
    char *entries = PyMem_Realloc(*entries_p, size * (cap / 2));
    if (entries) *entries_p = entries;
    if (slots == NULL || entries == NULL) {
        PyMem_Free(slots);
        PyErr_NoMemory();
        return -1;
    }
    PyMem_Free(*slots_p);
    *slots_p = slots;
    *mask = cap - 1;
    for (uint32_t k = 0; k < n; k++) {
        uint32_t h;
        memcpy(&h, entries + k * size + hash_at, sizeof(h));
        uint32_t i = h & *mask;
        while (slots[i]) i = (i + 1) & *mask;
        slots[i] = k + 1;
    }
    return 0;
}

/* twice the slots and entries (rarely: tables are sized for what they will hold) */
static int
st_grow(StrTable *t)
{
    uint32_t cap = 2 * (t->mask + 1);
    if (regrow(&t->slots, &t->mask, (void **)&t->entries, sizeof(Entry), offsetof(Entry, hash), t->n, cap) < 0)
        return -1;
    t->cap_entries = cap / 2;
    return 0;
}

/* insert (or update) a key */
static int
st_put(StrTable *t, const uint8_t *k, Py_ssize_t n, double val, uint8_t flags)
{
    Entry *e = st_find(t, k, n);
    if (e) {
        e->val = val;
        e->flags |= flags;
        return 0;
    }
    if (t->n >= t->cap_entries || 2 * (uint64_t)(t->n + 1) > (uint64_t)t->mask + 1)
        if (st_grow(t) < 0) return -1;
    if (t->pool_len + n > t->pool_cap) {
        size_t cap = 2 * t->pool_cap + n;
        uint8_t *p = PyMem_Realloc(t->pool, cap);
        if (p == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        t->pool = p;
        t->pool_cap = cap;
    }
    memcpy(t->pool + t->pool_len, k, n);
    uint64_t h64 = fnv1a(k, n);
    uint32_t h = (uint32_t)h64;
    bloom_add(t, h64);
    Entry *ne = &t->entries[t->n];
    ne->off = (uint32_t)t->pool_len;
    ne->hash = h;
    ne->len = (uint8_t)n;
    ne->flags = flags;
    ne->val = val;
    t->pool_len += n;
    t->n++;
    uint32_t i = h & t->mask;
    while (t->slots[i]) i = (i + 1) & t->mask;
    t->slots[i] = t->n;
    return 0;
}

/* up to 7 bytes packed with their length -> double */
typedef struct {
    uint64_t *keys;  /* 0 empty */
    double *vals;
    uint64_t mask;
} IntTable;

static uint64_t
pack(const uint8_t *s, Py_ssize_t n)
{
    uint64_t k = (uint64_t)n << 56;
    for (Py_ssize_t i = 0; i < n; i++) k |= (uint64_t)s[i] << (8 * i);
    return k;
}

static uint64_t
mix(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    return k;
}

static int
it_init(IntTable *t, Py_ssize_t expected)
{
    uint64_t cap = 16;
    while (cap < 2 * (uint64_t)expected + 2) cap <<= 1;
    t->keys = PyMem_Calloc(cap, sizeof(uint64_t));
    t->vals = PyMem_Malloc(cap * sizeof(double));
    t->mask = cap - 1;
    if (!t->keys || !t->vals) {
        PyMem_Free(t->keys);
        PyMem_Free(t->vals);
        t->keys = NULL;
        t->vals = NULL;
        PyErr_NoMemory();
        return -1;
    }
    return 0;
}

static void
it_free(IntTable *t)
{
    PyMem_Free(t->keys);
    PyMem_Free(t->vals);
    t->keys = NULL;
    t->vals = NULL;
}

static void
it_put(IntTable *t, uint64_t k, double v)
{
    uint64_t i = mix(k) & t->mask;
    while (t->keys[i] && t->keys[i] != k) i = (i + 1) & t->mask;
    t->keys[i] = k;
    t->vals[i] = v;
}

static int
it_get(const IntTable *t, uint64_t k, double *v)
{
    for (uint64_t i = mix(k) & t->mask;; i = (i + 1) & t->mask) {
        if (t->keys[i] == k) {
            *v = t->vals[i];
            return 1;
        }
        if (t->keys[i] == 0) return 0;
    }
}

/* a set of tokens (any characters), growable */
typedef struct {
    uint32_t hash, off, len;
} TokEntry;

typedef struct {
    uint32_t *slots;  /* entry index + 1, 0 empty */
    uint32_t mask;
    TokEntry *entries;
    uint32_t n;
    Py_UCS4 *pool;
    size_t pool_len, pool_cap;
} TokSet;

enum { R_TOO_LONG, R_SHORT, R_PARTICLE, R_COMMON, R_FORCED, R_NO_SPLIT, R_FINAL, R_UNSEEN, R_JUNK, R_LEXICON, R_CLITIC,
       R_CORPUS_WHOLE, R_CORPUS_PAIR, R_FUNCTION_PAIR, R_DENSE, N_RULES };
static const char *rule_keys[N_RULES] = {"r_too_long", "r_short", "r_particle", "r_common", "r_forced", "r_no_split",
                                         "r_final", "r_unseen", "r_junk", "r_lexicon", "r_clitic",
                                         "r_corpus_whole", "r_corpus_pair", "r_function_pair", "r_dense"};

/* ---- the core object ----------------------------------------------------- */

/* flags in the words table */
#define W_LEXICON 1      /* in the lexicon (val: its Zipf) */
#define W_PART 2         /* in the part table (val: its Zipf there, the same) */
#define W_PREFIX 4
#define W_SUFFIX 8
#define W_IMPERFECT_ONLY 16
#define W_NOT_A_PART 32
#define W_NOT_LAST 64
#define W_ARTICLE_SUFFIX 128  /* an ending the article allows (_ARTICLE_SUFFIXES) */

/* flags per byte */
#define C_LETTER 1
#define C_MARK 2
#define C_TANWEEN 4
#define C_IMPERFECT_START 8
#define C_DUAL_BEFORE_MA 16
#define C_FINAL_ONLY 32
#define C_CONJ 64
#define C_LOW_VERB_START 256  /* _LOW_VERB_START */

typedef struct {
    PyObject_HEAD
    StrTable words;   /* lexicon, clitic lists: flags W_*, val = lexicon Zipf */
    StrTable pairs;   /* function-word pairs written joined: val = where the space goes */
    IntTable lp, bo;  /* character model */
    int lm_ready;
    double lm_floor, top_part;
    double keep_zipf, junk_log_ratio, margin, join_penalty, final_letter_margin;
    double low_margin, low_part_zipf;  /* a dense text's margin, for parts this common (Segmenter.dense) */
    double dense_three_part_zipf;      /* ... and, for a split in three, this common */
    double dense_function_zipf, dense_after_function_zipf;  /* ... or a function word and a rarer word */
    double near_margin;                /* DENSE_MARGIN, for every core: see is_near */
    double unseen_mass, unseen_part_penalty, noise_zipf, noise_discount;
    double clitic_discount, clitic_stem_zipf, particle_verb_zipf, particle_verb_alef_zipf;
    double particle_verb_low_zipf, particle_verb_spelling_max;
    Py_ssize_t particle_verb_low_min;
    uint8_t article_ends[8][8];
    Py_ssize_t article_end_len[8];
    int n_article_ends;
    Py_ssize_t junk_min_part, unseen_part_min, max_run, max_parts;
    uint16_t cls[256];
    int n_prefix_len, n_suffix_len, n_particles, n_before_ya;
    Py_ssize_t prefix_len[8], suffix_len[16];
    uint8_t particles[8][8], before_ya[8][8];
    Py_ssize_t particle_len[8], before_ya_len[8];
    uint8_t la[2], ma[2], hamza_alef, waw, ya;
    PyObject *rules[N_RULES];
    PyObject *corpus_whole, *corpus_pairs;  /* CorpusStats.whole and .pairs (Counters), or NULL */
    Py_ssize_t corpus_pair_min, corpus_whole_min;
    double corpus_pair_ratio, corpus_pair_clitic_max;
    int initialised;         /* __init__ completed */
    TokSet same;             /* tokens known to need no repair */
    TokSet todo;             /* tokens known to need a look from Python */
    double repeat_keep_below, lone_part_zipf;
    char never_lone[N_RULES];  /* per rule */
    Py_ssize_t cache_size;   /* ... at most this many, then forgotten */
} Core;



/* a Core whose __init__ did not complete has no tables */
static int
ready(const Core *c)
{
    if (!c->initialised) {
        PyErr_SetString(PyExc_RuntimeError, "segcore: Core is not initialised");
        return 0;
    }
    return 1;
}

/* the class bits (C_*) of any character: none outside the Arabic block */
static inline uint16_t
class_of(const Core *c, Py_UCS4 ch)
{
    return ch >= 0x0600 && ch <= 0x06FF ? c->cls[ch - 0x0600] : 0;
}

/* a str as bytes of the Arabic block; -1 when a character lies outside it */
static Py_ssize_t
encode(PyObject *s, uint8_t *out, Py_ssize_t cap)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    if (n > cap) return -1;
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch < 0x0600 || ch > 0x06FF) return -1;
        out[i] = (uint8_t)(ch - 0x0600);
    }
    return n;
}

static PyObject *
decode(const uint8_t *s, Py_ssize_t n)
{
    PyObject *u = PyUnicode_New(n, 0x06FF);
    if (u == NULL) return NULL;
    for (Py_ssize_t i = 0; i < n; i++) PyUnicode_WRITE(PyUnicode_2BYTE_KIND, PyUnicode_DATA(u), i, 0x0600 + s[i]);
    return u;
}

/* ---- lookups ------------------------------------------------------------- */

static double
lex_zipf(const Core *c, const uint8_t *w, Py_ssize_t n)
{
    Entry *e = st_find(&c->words, w, n);
    return e && (e->flags & W_LEXICON) ? e->val : 0.0;
}

static int
has_flag(const Core *c, const uint8_t *w, Py_ssize_t n, uint8_t flag)
{
    Entry *e = st_find(&c->words, w, n);
    return e && (e->flags & flag);
}

static int
part_z(const Core *c, const uint8_t *w, Py_ssize_t n, double *z)
{
    Entry *e = st_find(&c->words, w, n);
    if (e == NULL || !(e->flags & W_PART)) return 0;
    *z = e->val;
    return 1;
}

static int
inner_final(const Core *c, const uint8_t *w, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n - 1; i++)
        if (c->cls[w[i]] & C_FINAL_ONLY) return 1;
    return 0;
}

/* ---- character model ------------------------------------------------------ */

/* CharModel.cond(context, ch) */
static double
lm_cond(const Core *c, const uint8_t *ctx, Py_ssize_t n, uint8_t ch)
{
    double acc = 0.0, v;
    uint8_t g[LM_CONTEXT + 1];
    for (;;) {
        memcpy(g, ctx, n);
        g[n] = ch;
        if (it_get(&c->lp, pack(g, n + 1), &v)) return acc + v;
        double b = 0.0;
        it_get(&c->bo, pack(ctx, n), &b);
        acc += b;
        if (n == 0) return acc + c->lm_floor;
        ctx++;
        n--;
    }
}

/* log10 P(last byte of g | the bytes before it): one n-gram of CharModel.logp */
static double
gram_value(const Core *c, const uint8_t *g, Py_ssize_t len)
{
    double v;
    if (it_get(&c->lp, pack(g, len), &v)) return v;
    return lm_cond(c, g, len - 1, g[len - 1]);
}

/* The n-gram values of one form, shared by the parts of its splits: a prefix w[:i] has the
 * form's own values for its letters and one end gram of its own; a suffix w[i:] of four
 * letters or more has the form's values after its first four letters, and the form's end
 * gram. Summed in the same order, they give the same doubles as lm_logp on the part. */
typedef struct {
    const uint8_t *w;
    Py_ssize_t n;
    int ready;
    double letter[MAX_FORM];  /* log10 P(w[k] | up to four bytes before it in "^" + w) */
    double end;               /* log10 P("$" | the last four letters) */
} FormLM;

static void
form_lm(const Core *c, FormLM *f)
{
    if (f->ready) return;
    uint8_t s[MAX_FORM + 2];
    Py_ssize_t n = f->n, size = n + 2;
    s[0] = 0;  /* "^" */
    memcpy(s + 1, f->w, n);
    s[size - 1] = 1;  /* "$" */
    for (Py_ssize_t i = 1; i < size; i++) {
        Py_ssize_t a = i < LM_CONTEXT ? 0 : i - LM_CONTEXT;
        double v = gram_value(c, s + a, i + 1 - a);
        if (i < size - 1) f->letter[i - 1] = v;
        else f->end = v;
    }
    f->ready = 1;
}

/* CharModel.logp(form): the n-grams of "^" + form + "$", summed in order */
static double
form_logp(const Core *c, FormLM *f)
{
    form_lm(c, f);
    double total = 0.0;
    for (Py_ssize_t k = 0; k < f->n; k++) total += f->letter[k];
    return total + f->end;
}

static double
lm_logp(const Core *c, const uint8_t *w, Py_ssize_t n)
{
    FormLM f;
    f.w = w;
    f.n = n;
    f.ready = 0;
    return form_logp(c, &f);
}

/* lm_logp(w[:i]) for 4 <= i */
static double
prefix_logp(const Core *c, FormLM *f, Py_ssize_t i)
{
    form_lm(c, f);
    double total = 0.0;
    for (Py_ssize_t k = 0; k < i; k++) total += f->letter[k];
    uint8_t g[LM_CONTEXT + 1];
    memcpy(g, f->w + i - LM_CONTEXT, LM_CONTEXT);
    g[LM_CONTEXT] = 1;
    return total + gram_value(c, g, LM_CONTEXT + 1);
}

/* lm_logp(w[i:]) for i + 4 <= n */
static double
suffix_logp(const Core *c, FormLM *f, Py_ssize_t i)
{
    form_lm(c, f);
    uint8_t g[LM_CONTEXT + 1];
    g[0] = 0;
    double total = 0.0;
    for (Py_ssize_t j = 0; j < LM_CONTEXT; j++) {  /* the letters read after "^" */
        g[j + 1] = f->w[i + j];
        total += gram_value(c, g, j + 2);
    }
    for (Py_ssize_t k = i + LM_CONTEXT; k < f->n; k++) total += f->letter[k];
    return total + f->end;
}

static double
unseen_zipf_of(const Core *c, double logp)
{
    return 9 + c->unseen_mass + logp;
}

/* Segmenter._unseen_part for the part w[a:b] of the form (a == 0 or b == n): 1 with its Zipf */
static int
unseen_part(const Core *c, FormLM *f, Py_ssize_t a, Py_ssize_t b, double *z)
{
    const uint8_t *p = f->w + a;
    Py_ssize_t n = b - a;
    if (n < c->unseen_part_min) return 0;
    Entry *e = st_find(&c->words, p, n);
    if (e && (e->flags & (W_LEXICON | W_NOT_A_PART))) return 0;
    if (inner_final(c, p, n)) return 0;
    double lp = n < LM_CONTEXT ? lm_logp(c, p, n) : a == 0 ? prefix_logp(c, f, b) : suffix_logp(c, f, a);
    *z = unseen_zipf_of(c, lp) - c->unseen_part_penalty;
    return 1;
}

/* ---- Segmenter helpers ---------------------------------------------------- */

/* _may_end(left, last) */
static int
may_end(const Core *c, const uint8_t *left, Py_ssize_t nl, const uint8_t *last, Py_ssize_t n)
{
    if (has_flag(c, last, n, W_NOT_LAST)) return 0;
    if (n == 2 && last[0] == c->ma[0] && last[1] == c->ma[1] && nl > 0 && (c->cls[left[nl - 1]] & C_DUAL_BEFORE_MA))
        return 0;
    return 1;
}

static double
clitic_zipf(const Core *c, const uint8_t *w, Py_ssize_t n)
{
    Py_ssize_t pres[9], sufs[17];
    int npre = 1, nsuf = 1;
    pres[0] = sufs[0] = 0;
    for (int k = 0; k < c->n_prefix_len; k++) {
        Py_ssize_t lp = c->prefix_len[k];
        if (lp < n && has_flag(c, w, lp, W_PREFIX)) pres[npre++] = lp;
    }
    for (int k = 0; k < c->n_suffix_len; k++) {
        Py_ssize_t ls = c->suffix_len[k];
        if (ls < n && has_flag(c, w + n - ls, ls, W_SUFFIX)) sufs[nsuf++] = ls;
    }
    if (npre == 1 && nsuf == 1) return 0.0;
    double best = 0.0;
    for (int a = 0; a < npre; a++) {
        Py_ssize_t lp = pres[a];
        int article = 0;  /* the proclitic ends in the article (_ARTICLE_ENDS) */
        for (int k = 0; k < c->n_article_ends; k++) {  /* ending the proclitics, or starting the stem */
            if (c->article_end_len[k] != 2) continue;
            if (lp >= 2 && memcmp(w + lp - 2, c->article_ends[k], 2) == 0) article = 1;
            if (lp + 2 <= n && memcmp(w + lp, c->article_ends[k], 2) == 0) article = 1;
        }
        for (int b = 0; b < nsuf; b++) {
            Py_ssize_t ls = sufs[b];
            if (!(lp || ls) || n - lp - ls < 2) continue;
            if (ls && has_flag(c, w + n - ls, ls, W_IMPERFECT_ONLY) && !(c->cls[w[lp]] & C_IMPERFECT_START)) continue;
            if (article && ls && !has_flag(c, w + n - ls, ls, W_ARTICLE_SUFFIX)) continue;
            /* Python: f = lexicon.get(stem); if f: z = _zipf(f); if z >= CLITIC_STEM_ZIPF ... (a missing or
               zero frequency has Zipf 0.0, below any stem threshold) */
            double z = lex_zipf(c, w + lp, n - lp - ls);
            if (z != 0.0 && z >= c->clitic_stem_zipf) {
                double v = z - c->clitic_discount * ((lp > 0) + (ls > 0));
                if (v > best) best = v;
            }
        }
    }
    return best;
}

/* _dense_parts: parts of Zipf z[0..k-1] common enough for a split at a dense text's margin */
static int
dense_parts(const Core *c, const double *z, int k)
{
    double zmin = z[0];
    for (int i = 1; i < k; i++)
        if (z[i] < zmin) zmin = z[i];
    if (zmin >= c->low_part_zipf && (k == 2 || zmin >= c->dense_three_part_zipf)) return 1;
    return k == 2 && z[0] >= c->dense_function_zipf && z[1] >= c->dense_after_function_zipf;
}

static int
is_junk_entry(const Core *c, const uint8_t *w, Py_ssize_t n, double whole)
{
    for (Py_ssize_t i = c->junk_min_part; i < n - c->junk_min_part + 1; i++) {
        double za, zb;
        if (part_z(c, w, i, &za) && part_z(c, w + i, n - i, &zb) && whole - (zb < za ? zb : za) <= c->junk_log_ratio)
            return 1;
    }
    return 0;
}

/* Segmenter._particle_verb: the cut between particle and verb, or 0.
 * The regex ^([وف]?(لا|ما|لم|لن|سوف))([يتنأ].{2,})$: no particle starts with و or ف,
 * so the optional conjunction is taken exactly when one stands first. */
static Py_ssize_t
particle_verb(const Core *c, const uint8_t *w, Py_ssize_t n, double whole)
{
    Py_ssize_t p = (c->cls[w[0]] & C_CONJ) ? 1 : 0, m = 0;
    int k;
    const uint8_t *core = NULL;
    for (k = 0; k < c->n_particles; k++) {
        m = c->particle_len[k];
        if (p + m + 3 <= n && memcmp(w + p, c->particles[k], m) == 0 && (c->cls[w[p + m]] & C_IMPERFECT_START)) {
            core = c->particles[k];
            break;
        }
    }
    if (core == NULL) return 0;
    Py_ssize_t cut = p + m;
    for (k = 0; k < c->n_before_ya; k++)
        if (c->before_ya_len[k] == m && memcmp(core, c->before_ya[k], m) == 0 && w[cut] != c->ya) return 0;
    double zv = 0.0;
    part_z(c, w + cut, n - cut, &zv);
    if (whole >= zv) return 0;
    if (zv < c->particle_verb_zipf  /* a rarer verb: see PARTICLE_VERB_LOW_ZIPF */
        && (zv < c->particle_verb_low_zipf || !(c->cls[w[cut]] & C_LOW_VERB_START) || n - cut < c->particle_verb_low_min
            || unseen_zipf_of(c, lm_logp(c, w, n)) >= c->particle_verb_spelling_max))
        return 0;
    /* rest = core[1:] + verb = w[p + 1:], and for لا also with the hamza (_with_hamza) */
    double best = lex_zipf(c, w + p + 1, n - p - 1);
    if (m == 2 && core[0] == c->la[0] && core[1] == c->la[1]) {
        uint8_t alt[MAX_FORM];
        memcpy(alt, w + p + 1, n - p - 1);
        alt[0] = c->hamza_alef;
        double z2 = lex_zipf(c, alt, n - p - 1);
        if (z2 > best) best = z2;
    }
    return best >= c->particle_verb_alef_zipf ? 0 : cut;
}

typedef struct {
    int k;              /* number of parts, 0: none */
    Py_ssize_t cut[2];  /* offsets of the cuts */
    double z[3];
} Split;

static void
best_split(const Core *c, FormLM *f, Split *best)
{
    const uint8_t *w = f->w;
    Py_ssize_t n = f->n;
    double pre[MAX_FORM], suf[MAX_FORM], best_lp = 0.0;
    char has_pre[MAX_FORM], has_suf[MAX_FORM];
    Py_ssize_t i, j;
    best->k = 0;
    for (i = 2; i < n - 1; i++) {
        has_pre[i] = (char)part_z(c, w, i, &pre[i]);
        has_suf[i] = (char)part_z(c, w + i, n - i, &suf[i]);
    }
    for (i = 2; i < n - 1; i++) {
        double zi = pre[i], zr = suf[i];
        int ok_i = has_pre[i], ok_r = has_suf[i];
        if (!ok_i) {
            if (!ok_r) continue;
            if (w[i - 1] != c->waw) ok_i = unseen_part(c, f, 0, i, &zi);  /* و starts the next word */
        }
        else if (!ok_r)
            ok_r = unseen_part(c, f, i, n, &zr);
        if (ok_i && ok_r && may_end(c, w, i, w + i, n - i)) {
            double lp = zi + zr - c->join_penalty;
            if (!best->k || lp > best_lp) {
                best_lp = lp;
                best->k = 2;
                best->cut[0] = i;
                best->z[0] = zi;
                best->z[1] = zr;
            }
        }
    }
    if (c->max_parts >= 3 && n >= 6) {
        for (i = 2; i < n - 3; i++) {
            for (j = i + 2; j < n - 1; j++) {
                double zl = pre[i], zr = suf[j], zm;
                int ok_l = has_pre[i], ok_r = has_suf[j];
                if (!ok_l && !ok_r) continue;
                if (!part_z(c, w + i, j - i, &zm)) continue;
                if (!ok_l) {
                    if (w[i - 1] != c->waw) ok_l = unseen_part(c, f, 0, i, &zl);
                }
                else if (!ok_r)
                    ok_r = unseen_part(c, f, j, n, &zr);
                if (ok_l && ok_r && may_end(c, w + i, j - i, w + j, n - j)) {
                    double lp = zl + zm + zr - 9 - 2 * c->join_penalty;
                    if (!best->k || lp > best_lp) {
                        best_lp = lp;
                        best->k = 3;
                        best->cut[0] = i;
                        best->cut[1] = j;
                        best->z[0] = zl;
                        best->z[1] = zm;
                        best->z[2] = zr;
                    }
                }
            }
        }
    }
}

/* ---- _decide_lexicon ------------------------------------------------------ */

typedef struct {
    int k;                   /* parts: 1 whole */
    Py_ssize_t cut[MAX_FORM];  /* k - 1 cuts */
    int nz;                  /* part Zipfs given */
    double z[3];
    double whole, score;
    int rule;
} Verdict;

static void
decide_lexicon(const Core *c, const uint8_t *w, Py_ssize_t n, Verdict *v)
{
    v->k = 1;
    v->nz = 0;
    v->score = Py_NAN;
    v->whole = lex_zipf(c, w, n);
    double whole = v->whole;
    if (n > c->max_run) {
        v->rule = R_TOO_LONG;
        return;
    }
    if (n < 4) {
        v->rule = R_SHORT;
        return;
    }
    Entry *fp = st_find(&c->pairs, w, n);  /* a function-word pair (Segmenter.function_pairs) */
    if (fp) {
        Py_ssize_t cut = (Py_ssize_t)fp->val;
        v->k = 2;
        v->cut[0] = cut;
        v->nz = 2;
        v->z[0] = lex_zipf(c, w, cut);
        v->z[1] = lex_zipf(c, w + cut, n - cut);
        v->rule = R_FUNCTION_PAIR;
        return;
    }
    Py_ssize_t pv = particle_verb(c, w, n, whole);
    if (pv) {
        v->k = 2;
        v->cut[0] = pv;
        v->nz = 2;
        v->z[0] = lex_zipf(c, w, pv);
        v->z[1] = lex_zipf(c, w + pv, n - pv);
        v->rule = R_PARTICLE;
        return;
    }
    int infin = inner_final(c, w, n);
    int junk = 0 < whole && whole <= c->top_part + c->junk_log_ratio && is_junk_entry(c, w, n, whole);
    if (whole >= c->keep_zipf && !infin && !junk) {
        v->rule = R_COMMON;
        return;
    }
    Split s;
    FormLM f;
    f.w = w;
    f.n = n;
    f.ready = 0;
    best_split(c, &f, &s);
    if (!s.k) {
        if (infin) {
            /* cut right after every ة/ى inside the run, if every part keeps two letters */
            Py_ssize_t prev = 0, k = 0;
            int all_long = 1;
            for (Py_ssize_t i = 0; i < n - 1; i++) {
                if (!(c->cls[w[i]] & C_FINAL_ONLY)) continue;
                if (i + 1 - prev < 2) all_long = 0;
                v->cut[k++] = prev = i + 1;
            }
            if (n - prev < 2) all_long = 0;
            if (all_long) {
                v->k = (int)k + 1;
                v->rule = R_FORCED;
                return;
            }
        }
        v->rule = R_NO_SPLIT;
        return;
    }
    double clitic = infin ? 0.0 : clitic_zipf(c, w, n);
    double whole_est = unseen_zipf_of(c, form_logp(c, &f));
    if (whole > 0 && !junk) {
        double e = whole < c->noise_zipf ? whole - c->noise_discount : whole;
        if (e > whole_est) whole_est = e;
    }
    if (clitic > 0 && clitic > whole_est) whole_est = clitic;
    double sum = 0.0;
    for (int i = 0; i < s.k; i++) sum += s.z[i] - 9;
    double score = sum - c->join_penalty * (double)(s.k - 1) - (whole_est - 9);
    int boundaries_final = 1;
    for (int i = 0; i < s.k - 1; i++)
        if (!(c->cls[w[s.cut[i] - 1]] & C_FINAL_ONLY)) boundaries_final = 0;
    v->nz = s.k;
    memcpy(v->z, s.z, sizeof(s.z));
    v->score = score;
    if (infin && boundaries_final) {
        if (score >= c->final_letter_margin) {
            v->k = s.k;
            memcpy(v->cut, s.cut, sizeof(s.cut));
            v->rule = R_FINAL;
            return;
        }
    }
    else if (score >= c->margin) {
        v->k = s.k;
        memcpy(v->cut, s.cut, sizeof(s.cut));
        v->rule = whole == 0 ? R_UNSEEN : junk ? R_JUNK : R_LEXICON;
        return;
    }
    else if (score >= c->low_margin) {
        if (dense_parts(c, s.z, s.k)) {
            v->k = s.k;
            memcpy(v->cut, s.cut, sizeof(s.cut));
            v->rule = R_DENSE;
            return;
        }
    }
    v->rule = clitic > whole ? R_CLITIC : R_NO_SPLIT;
}

/* ---- Segmenter._decide: corpus evidence around the lexicon's decision -------- */

/* a Counter's count of key (0 when absent); -1 on error */
static Py_ssize_t
count_of(PyObject *counter, PyObject *key)
{
    if (key == NULL) return -1;
    PyObject *v = PyDict_GetItemWithError(counter, key);
    Py_DECREF(key);
    if (v == NULL) return PyErr_Occurred() ? -1 : 0;
    return PyLong_AsSsize_t(v);
}

static Py_ssize_t
whole_count(const Core *c, const uint8_t *w, Py_ssize_t n)
{
    return count_of(c->corpus_whole, decode(w, n));
}

/* corpus.pairs[(w[:i], w[i:n])] */
static Py_ssize_t
pair_count(const Core *c, const uint8_t *w, Py_ssize_t i, Py_ssize_t n)
{
    PyObject *a = decode(w, i), *b = a ? decode(w + i, n - i) : NULL;
    PyObject *key = b ? PyTuple_Pack(2, a, b) : NULL;
    Py_XDECREF(a);
    Py_XDECREF(b);
    return count_of(c->corpus_pairs, key);
}

/* Segmenter._part_ok(p) is not None: a part the lexicon vouches for, or one that may be unseen */
static int
part_ok(const Core *c, const uint8_t *p, Py_ssize_t n)
{
    Entry *e = st_find(&c->words, p, n);
    if (e && (e->flags & W_PART)) return 1;
    if (n < c->unseen_part_min || (e && (e->flags & (W_LEXICON | W_NOT_A_PART)))) return 0;
    return !inner_final(c, p, n);
}

/* Segmenter._decide: the lexicon's decision, then (with a corpus) the corpus's counts; -1 on error */
static int
decide(const Core *c, const uint8_t *w, Py_ssize_t n, Verdict *v)
{
    decide_lexicon(c, w, n, v);
    if (c->corpus_whole == NULL || v->rule == R_SHORT || v->rule == R_TOO_LONG || v->rule == R_COMMON) return 0;
    Py_ssize_t whole_n = whole_count(c, w, n);
    if (whole_n < 0) return -1;
    if (v->k > 1) {
        Py_ssize_t pair_n = 0;
        if (v->k == 2 && (pair_n = pair_count(c, w, v->cut[0], n)) < 0) return -1;
        if (whole_n >= c->corpus_whole_min && pair_n == 0 && v->rule != R_FINAL && v->rule != R_PARTICLE
            && v->rule != R_FUNCTION_PAIR) {
            v->k = 1;  /* parts back to the whole; the lexicon's Zipfs and score stay */
            v->rule = R_CORPUS_WHOLE;
        }
        return 0;
    }
    /* the lexicon kept it whole: is it a pair the corpus shows spaced? */
    Py_ssize_t best_n = 0, best_i = 0;
    for (Py_ssize_t i = 2; i < n - 1; i++) {
        Py_ssize_t k = pair_count(c, w, i, n);
        if (k < 0) return -1;
        if (k && (best_n == 0 || k > best_n)) {
            best_n = k;
            best_i = i;
        }
    }
    /* (not a form that reads as clitics around a known word: "فيحق" is ف + يحق) */
    if (best_n && best_n >= c->corpus_pair_min && (double)best_n >= c->corpus_pair_ratio * (double)whole_n
        && clitic_zipf(c, w, n) < c->corpus_pair_clitic_max) {
        Py_ssize_t i = best_i;
        int ok = 1;
        for (int side = 0; side < 2 && ok; side++) {  /* each part: a word, or seen whole in the corpus */
            const uint8_t *p = side ? w + i : w;
            Py_ssize_t len = side ? n - i : i;
            if (!part_ok(c, p, len)) {
                Py_ssize_t k = whole_count(c, p, len);
                if (k < 0) return -1;
                ok = k >= c->corpus_pair_min;
            }
        }
        if (ok) {
            v->k = 2;
            v->cut[0] = i;
            v->rule = R_CORPUS_PAIR;
        }
    }
    return 0;
}

static PyObject *
verdict_tuple(const Core *c, PyObject *form, const uint8_t *w, Py_ssize_t n, const Verdict *v)
{
    PyObject *parts = PyTuple_New(v->k), *zs = PyTuple_New(v->nz);
    if (parts == NULL || zs == NULL) goto error;
    if (v->k == 1) {
        Py_INCREF(form);
        PyTuple_SET_ITEM(parts, 0, form);
    }
    else {
        Py_ssize_t prev = 0;
        for (int i = 0; i < v->k; i++) {
            Py_ssize_t end = i < v->k - 1 ? v->cut[i] : n;
            PyObject *p = decode(w + prev, end - prev);
            if (p == NULL) goto error;
            PyTuple_SET_ITEM(parts, i, p);
            prev = end;
        }
    }
    for (int i = 0; i < v->nz; i++) {
        PyObject *f = PyFloat_FromDouble(v->z[i]);
        if (f == NULL) goto error;
        PyTuple_SET_ITEM(zs, i, f);
    }
    return Py_BuildValue("(NdNdO)", parts, v->whole, zs, v->score, c->rules[v->rule]);
error:
    Py_XDECREF(parts);
    Py_XDECREF(zs);
    return NULL;
}

/* the form as letter bytes, or -1 when it has a character that is not a letter */
static Py_ssize_t
letters_of(const Core *c, PyObject *form, uint8_t *w)
{
    Py_ssize_t n = encode(form, w, MAX_FORM);
    if (n < 0) return -1;
    for (Py_ssize_t i = 0; i < n; i++)
        if (!(c->cls[w[i]] & C_LETTER)) return -1;
    return n;
}

/* a method's form argument as letter bytes: n >= 0; -1 when it is not a run of letters (the
 * method answers None: Python decides); -2 with an exception set */
static Py_ssize_t
form_arg(Core *c, PyObject *form, uint8_t *w, const char *method)
{
    if (!ready(c)) return -2;
    if (!PyUnicode_Check(form)) {
        PyErr_Format(PyExc_TypeError, "%s expects str", method);
        return -2;
    }
    return letters_of(c, form, w);
}

#define NONE_OR_NULL(n) ((n) == -1 ? Py_NewRef(Py_None) : NULL)

static PyObject *
Core_decide_lexicon(Core *c, PyObject *form)
{
    uint8_t w[MAX_FORM];
    Py_ssize_t n = form_arg(c, form, w, "decide_lexicon");
    if (n < 0) return NONE_OR_NULL(n);
    Verdict v;
    decide_lexicon(c, w, n, &v);
    return verdict_tuple(c, form, w, n, &v);
}

/* decide(form): Segmenter._decide, the corpus's evidence included */
static PyObject *
Core_decide(Core *c, PyObject *form)
{
    uint8_t w[MAX_FORM];
    Py_ssize_t n = form_arg(c, form, w, "decide");
    if (n < 0) return NONE_OR_NULL(n);
    Verdict v;
    if (decide(c, w, n, &v) < 0) return NULL;
    return verdict_tuple(c, form, w, n, &v);
}

static PyObject *
Core_logp(Core *c, PyObject *form)
{
    uint8_t w[MAX_FORM];
    Py_ssize_t n = form_arg(c, form, w, "logp");
    if (n < 0) return NONE_OR_NULL(n);
    return PyFloat_FromDouble(lm_logp(c, w, n));
}

static PyObject *
Core_clitic_zipf(Core *c, PyObject *form)
{
    uint8_t w[MAX_FORM];
    Py_ssize_t n = form_arg(c, form, w, "clitic_zipf");
    if (n < 0) return NONE_OR_NULL(n);
    return PyFloat_FromDouble(clitic_zipf(c, w, n));
}

/* ---- the fast path of fix_joined_words_at ------------------------------- */

/* A run kept whole that the decision for a text which lost many spaces (Segmenter.dense) may
 * split: scored, by a split of parts at least low_part_zipf common, at near_margin or more.
 * Its token is returned by candidates, so that _fix_at can look at it again with the dense
 * sibling without scanning the text twice. */
static int
is_near(const Core *c, const Verdict *v)
{
    if (v->k > 1 || v->nz < 2 || !(v->score >= c->near_margin)) return 0;  /* (false for nan) */
    return dense_parts(c, v->z, v->nz);
}

/* Whether the token text[a:b] needs no repair: every run of letters in it is decided
 * whole, and it carries no tanween (which may cut a run; Python looks at those); -1 on error.
 * *near is set when a run kept whole is near a split (is_near). */
static int
token_whole(const Core *c, int kind, const void *data, Py_ssize_t a, Py_ssize_t b, int *near)
{
    uint8_t w[MAX_FORM + 1];
    Py_ssize_t i = a;
    while (i < b) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        uint8_t f = class_of(c, ch);
        if (f & C_TANWEEN) return 0;
        if (!(f & C_LETTER)) {
            i++;
            continue;
        }
        /* a run: a letter, then letters and marks; its form is its letters */
        Py_ssize_t n = 0;
        for (; i < b; i++) {
            ch = PyUnicode_READ(kind, data, i);
            f = class_of(c, ch);
            if (f & C_TANWEEN) return 0;
            if (f & C_LETTER) {
                if (n <= MAX_FORM) w[n] = (uint8_t)(ch - 0x0600);
                n++;
            }
            else if (!(f & C_MARK))
                break;
        }
        if (n > c->max_run) continue;  /* too long: left alone, as decide says */
        Verdict v;
        if (decide(c, w, n, &v) < 0) return -1;
        if (v.k > 1) return 0;
        if (is_near(c, &v)) *near = 1;
    }
    return 1;
}

static int final_cuts(const Core *c, const uint8_t *w, Py_ssize_t n, Py_ssize_t base, Py_ssize_t *cuts, int ncuts);

/* final_parts for a form already decided (v): the cuts (offsets from base) once every part
 * is itself left whole, appended after the first ncuts; -1 on error */
static int
decided_cuts(const Core *c, const uint8_t *w, Py_ssize_t n, const Verdict *v, Py_ssize_t base, Py_ssize_t *cuts,
             int ncuts)
{
    if (v->k == 1) return ncuts;
    Py_ssize_t prev = 0;
    for (int i = 0; i < v->k; i++) {
        Py_ssize_t end = i < v->k - 1 ? v->cut[i] : n;
        if ((ncuts = final_cuts(c, w + prev, end - prev, base + prev, cuts, ncuts)) < 0) return -1;
        if (i < v->k - 1) cuts[ncuts++] = base + end;
        prev = end;
    }
    return ncuts;
}

/* final_parts: decided_cuts for a form not yet decided */
static int
final_cuts(const Core *c, const uint8_t *w, Py_ssize_t n, Py_ssize_t base, Py_ssize_t *cuts, int ncuts)
{
    Verdict v;
    if (decide(c, w, n, &v) < 0) return -1;
    return decided_cuts(c, w, n, &v, base, cuts, ncuts);
}

/* _repair_token for the token src[a:b] when it has no diacritics: 1 with *res = (repaired token,
 * offsets of its new spaces, runs split on weak evidence, whether a split shows lost spaces,
 * i.e. is not lone); 0 when every run stays whole; 2 when it has diacritics (Python repairs
 * those); -1 on error. */
static int
repair_span(const Core *c, PyObject *src, Py_ssize_t a, Py_ssize_t b, PyObject **res, int *near)
{
    int kind = PyUnicode_KIND(src);
    const void *data = PyUnicode_DATA(src);
    Py_ssize_t i;
    Py_UCS4 maxchar = ' ';  /* the token's own widest character: the result must be a canonical str */
    for (i = a; i < b; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (class_of(c, ch) & (C_MARK | C_TANWEEN)) return 2;
        if (ch > maxchar) maxchar = ch;
    }
    Py_ssize_t cuts_small[64], *cuts = cuts_small;
    if (b - a + 1 > 64 && (cuts = PyMem_Malloc(sizeof(Py_ssize_t) * (b - a + 1))) == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    PyObject *weak = NULL, *offsets = NULL, *out = NULL, *weak_t = NULL;
    int ret = -1, ncuts = 0, evident = 0;
    uint8_t w[MAX_FORM];
    i = a;
    while (i < b) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (!(class_of(c, ch) & C_LETTER)) {
            i++;
            continue;
        }
        Py_ssize_t r0 = i, n = 0;
        for (; i < b; i++) {
            ch = PyUnicode_READ(kind, data, i);
            if (!(class_of(c, ch) & C_LETTER)) break;
            if (n < MAX_FORM) w[n] = (uint8_t)(ch - 0x0600);
            n++;
        }
        if (n > c->max_run) continue;
        Verdict v;
        if (decide(c, w, n, &v) < 0) goto done;
        if (v.k == 1) {
            if (near && is_near(c, &v)) *near = 1;
            continue;
        }
        if ((ncuts = decided_cuts(c, w, n, &v, r0 - a, cuts, ncuts)) < 0) goto done;
        /* _is_weak: split on a score below REPEAT_KEEP_BELOW; _is_lone: weak, by a rule that may be
           lone, with a part rarer than LONE_PART_ZIPF (min over no Zipfs is 0.0) */
        int is_weak = v.score < c->repeat_keep_below;  /* false for nan */
        double zmin = 0.0;
        for (int k = 0; k < v.nz; k++)
            if (k == 0 || v.z[k] < zmin) zmin = v.z[k];
        int lone = is_weak && !c->never_lone[v.rule] && zmin < c->lone_part_zipf;
        if (!lone && v.rule != R_FUNCTION_PAIR) evident = 1;  /* _shows_lost_space */
        if (is_weak) {
            if (weak == NULL && (weak = PyList_New(0)) == NULL) goto done;
            PyObject *run = PyUnicode_Substring(src, r0, i);
            if (run == NULL || PyList_Append(weak, run) < 0) {
                Py_XDECREF(run);
                goto done;
            }
            Py_DECREF(run);
        }
    }
    if (ncuts == 0) {
        ret = 0;
        goto done;
    }
    out = PyUnicode_New(b - a + ncuts, maxchar);
    offsets = PyTuple_New(ncuts);
    if (out == NULL || offsets == NULL) goto done;
    int okind = PyUnicode_KIND(out);
    void *odata = PyUnicode_DATA(out);
    Py_ssize_t o = 0;
    int k = 0;
    for (i = a; i < b; i++) {
        if (k < ncuts && cuts[k] == i - a) {
            PyObject *at = PyLong_FromSsize_t(o);
            if (at == NULL) goto done;
            PyTuple_SET_ITEM(offsets, k, at);
            PyUnicode_WRITE(okind, odata, o++, ' ');
            k++;
        }
        PyUnicode_WRITE(okind, odata, o++, PyUnicode_READ(kind, data, i));
    }
    weak_t = weak ? PyList_AsTuple(weak) : PyTuple_New(0);
    if (weak_t == NULL) goto done;
    *res = Py_BuildValue("(OONO)", out, offsets, weak_t, evident ? Py_True : Py_False);
    weak_t = NULL;  /* stolen (N) */
    ret = *res ? 1 : -1;
done:
    if (cuts != cuts_small) PyMem_Free(cuts);
    Py_XDECREF(weak);
    Py_XDECREF(weak_t);
    Py_XDECREF(offsets);
    Py_XDECREF(out);
    return ret;
}

/* repair_token(token): _repair_token for a token without diacritics (None for one with them) */
static PyObject *
Core_repair_token(Core *c, PyObject *tok)
{
    if (!ready(c)) return NULL;
    if (!PyUnicode_Check(tok)) {
        PyErr_SetString(PyExc_TypeError, "repair_token expects str");
        return NULL;
    }
    PyObject *res = NULL;
    switch (repair_span(c, tok, 0, PyUnicode_GET_LENGTH(tok), &res, NULL)) {
    case 1: return res;
    case 0: return Py_BuildValue("(O()()O)", tok, Py_False);
    case 2: Py_RETURN_NONE;
    default: return NULL;
    }
}

#define TOKEN_CACHE_MAX_LEN 256  /* longer tokens are judged again each time */

static uint32_t
token_hash(int kind, const void *data, Py_ssize_t a, Py_ssize_t b)
{
    uint32_t h = 2166136261u;
    for (Py_ssize_t i = a; i < b; i++) {
        h ^= (uint32_t)PyUnicode_READ(kind, data, i);
        h *= 16777619u;
    }
    return h;
}

static TokEntry *
ts_find(const TokSet *t, uint32_t h, int kind, const void *data, Py_ssize_t a, Py_ssize_t b)
{
    if (t->slots == NULL) return NULL;
    for (uint32_t i = h & t->mask;; i = (i + 1) & t->mask) {
        uint32_t s = t->slots[i];
        if (s == 0) return NULL;
        TokEntry *e = &t->entries[s - 1];
        if (e->hash == h && e->len == (uint32_t)(b - a)) {
            const Py_UCS4 *k = t->pool + e->off;
            Py_ssize_t j = 0;
            while (j < b - a && k[j] == PyUnicode_READ(kind, data, a + j)) j++;
            if (j == b - a) return e;
        }
    }
}

static int
ts_grow(TokSet *t)
{
    return regrow(&t->slots, &t->mask, (void **)&t->entries, sizeof(TokEntry), offsetof(TokEntry, hash), t->n,
                  t->slots ? 2 * (t->mask + 1) : 1024);
}

static int
ts_add(TokSet *t, uint32_t h, int kind, const void *data, Py_ssize_t a, Py_ssize_t b)
{
    if (t->slots == NULL || 2 * (uint64_t)(t->n + 1) > (uint64_t)t->mask + 1)
        if (ts_grow(t) < 0) return -1;
    size_t len = (size_t)(b - a);
    if (t->pool_len + len > t->pool_cap) {
        size_t cap = 2 * t->pool_cap + len + 4096;
        Py_UCS4 *p = PyMem_Realloc(t->pool, cap * sizeof(Py_UCS4));
        if (p == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        t->pool = p;
        t->pool_cap = cap;
    }
    for (Py_ssize_t j = a; j < b; j++) t->pool[t->pool_len + (j - a)] = PyUnicode_READ(kind, data, j);
    TokEntry *e = &t->entries[t->n];
    e->hash = h;
    e->off = (uint32_t)t->pool_len;
    e->len = (uint32_t)len;
    t->pool_len += len;
    t->n++;
    uint32_t i = h & t->mask;
    while (t->slots[i]) i = (i + 1) & t->mask;
    t->slots[i] = t->n;
    return 0;
}

static void
ts_clear(TokSet *t)
{
    if (t->slots) memset(t->slots, 0, sizeof(uint32_t) * (t->mask + 1));
    t->n = 0;
    t->pool_len = 0;
}

static void
ts_free(TokSet *t)
{
    PyMem_Free(t->slots);
    PyMem_Free(t->entries);
    PyMem_Free(t->pool);
    memset(t, 0, sizeof(*t));
}

/* candidates(text): [(start, token, repair), ...] for the whitespace-delimited tokens of
 * text that may need a repair: repair is repair_span's tuple for a token seen for the first
 * time without diacritics, else None (Python repairs it, or remembers its repair). The
 * tokens that need none are remembered, so that text seen again costs a lookup per token. */
static PyObject *
Core_candidates(Core *c, PyObject *text)
{
    if (!ready(c)) return NULL;
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "candidates expects str");
        return NULL;
    }
    PyObject *out = PyList_New(0);
    if (out == NULL) return NULL;
    Py_ssize_t len = PyUnicode_GET_LENGTH(text), i = 0;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    if ((Py_ssize_t)(c->same.n + c->todo.n) >= c->cache_size) {
        ts_clear(&c->same);
        ts_clear(&c->todo);
    }
    while (i < len) {
        if (Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i))) {
            i++;
            continue;
        }
        Py_ssize_t a = i;
        while (i < len && !Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i))) i++;
        int cacheable = i - a <= TOKEN_CACHE_MAX_LEN;
        uint32_t h = cacheable ? token_hash(kind, data, a, i) : 0;
        if (cacheable && ts_find(&c->same, h, kind, data, a, i)) continue;
        PyObject *repair = NULL;
        if (!(cacheable && ts_find(&c->todo, h, kind, data, a, i))) {
            int near = 0;
            int r = repair_span(c, text, a, i, &repair, &near);
            if (r < 0) goto error;
            int whole = r == 0 ? 1 : r == 2 ? token_whole(c, kind, data, a, i, &near) : 0;
            if (whole < 0) {
                Py_XDECREF(repair);
                goto error;
            }
            if (near) whole = 0;  /* kept whole here, split in a text that lost many spaces: see is_near */
            if (cacheable && ts_add(whole ? &c->same : &c->todo, h, kind, data, a, i) < 0) {
                Py_XDECREF(repair);
                goto error;
            }
            if (whole) continue;
        }
        PyObject *tok = PyUnicode_Substring(text, a, i);
        PyObject *item = tok ? Py_BuildValue("(nNO)", a, tok, repair ? repair : Py_None) : NULL;
        Py_XDECREF(repair);
        if (item == NULL || PyList_Append(out, item) < 0) {
            Py_XDECREF(item);
            goto error;
        }
        Py_DECREF(item);
    }
    return out;
error:
    Py_DECREF(out);
    return NULL;
}

/* ---- construction ------------------------------------------------------- */

static PyObject *
cfg_get(PyObject *cfg, const char *name)
{
    PyObject *v = PyDict_GetItemString(cfg, name);
    if (v == NULL) PyErr_Format(PyExc_KeyError, "segcore config lacks %s", name);
    return v;
}

static int
cfg_double(PyObject *cfg, const char *name, double *slot)
{
    PyObject *v = cfg_get(cfg, name);
    if (v == NULL) return -1;
    *slot = PyFloat_AsDouble(v);
    return (*slot == -1.0 && PyErr_Occurred()) ? -1 : 0;
}

static int
cfg_size(PyObject *cfg, const char *name, Py_ssize_t *slot)
{
    PyObject *v = cfg_get(cfg, name);
    if (v == NULL) return -1;
    *slot = PyLong_AsSsize_t(v);
    return (*slot == -1 && PyErr_Occurred()) ? -1 : 0;
}

/* a str of letters -> bytes; error when not in the Arabic block or too long */
static Py_ssize_t
cfg_bytes(PyObject *s, uint8_t *out, Py_ssize_t cap, const char *what)
{
    Py_ssize_t n = PyUnicode_Check(s) ? encode(s, out, cap) : -1;
    if (n < 0) PyErr_Format(PyExc_ValueError, "segcore config: bad %s", what);
    return n;
}

static int
cfg_char(PyObject *cfg, const char *name, uint8_t *slot)
{
    PyObject *v = cfg_get(cfg, name);
    if (v == NULL) return -1;
    if (!PyUnicode_Check(v) || PyUnicode_GET_LENGTH(v) != 1) {
        PyErr_Format(PyExc_ValueError, "segcore config: %s must be one character", name);
        return -1;
    }
    return cfg_bytes(v, slot, 1, name) < 0 ? -1 : 0;
}

/* set the class bit on every character of a str */
static int
cfg_class(Core *c, PyObject *cfg, const char *name, uint16_t bit)
{
    PyObject *v = cfg_get(cfg, name);
    uint8_t b[512];
    if (v == NULL) return -1;
    Py_ssize_t n = cfg_bytes(v, b, sizeof(b), name);
    if (n < 0) return -1;
    for (Py_ssize_t i = 0; i < n; i++) c->cls[b[i]] |= bit;
    return 0;
}

/* flag every str of an iterable in the words table (strings outside the block cannot be asked about) */
static int
cfg_words(Core *c, PyObject *cfg, const char *name, uint8_t flag)
{
    PyObject *v = cfg_get(cfg, name);
    if (v == NULL) return -1;
    PyObject *it = PyObject_GetIter(v), *s;
    if (it == NULL) return -1;
    while ((s = PyIter_Next(it)) != NULL) {
        uint8_t b[MAX_FORM];
        Py_ssize_t n = PyUnicode_Check(s) ? encode(s, b, MAX_FORM) : -1;
        Py_DECREF(s);
        if (n < 0) continue;
        Entry *e = st_find(&c->words, b, n);
        if (e) e->flags |= flag;
        else if (st_put(&c->words, b, n, 0.0, flag) < 0) {
            Py_DECREF(it);
            return -1;
        }
    }
    Py_DECREF(it);
    return PyErr_Occurred() ? -1 : 0;
}

static int
cfg_lengths(PyObject *cfg, const char *name, Py_ssize_t *out, int cap, int *count)
{
    PyObject *v = cfg_get(cfg, name);
    if (v == NULL) return -1;
    if (!PyTuple_Check(v) || PyTuple_GET_SIZE(v) > cap) {
        PyErr_Format(PyExc_ValueError, "segcore config: %s must be a tuple of at most %d ints", name, cap);
        return -1;
    }
    *count = (int)PyTuple_GET_SIZE(v);
    for (int k = 0; k < *count; k++) {
        out[k] = PyLong_AsSsize_t(PyTuple_GET_ITEM(v, k));
        if (out[k] == -1 && PyErr_Occurred()) return -1;
    }
    return 0;
}

static int
cfg_strings(PyObject *cfg, const char *name, uint8_t out[8][8], Py_ssize_t *lens, int *count)
{
    PyObject *v = cfg_get(cfg, name);
    if (v == NULL) return -1;
    if (!PyTuple_Check(v) || PyTuple_GET_SIZE(v) > 8) {
        PyErr_Format(PyExc_ValueError, "segcore config: %s must be a tuple of at most 8 str", name);
        return -1;
    }
    *count = (int)PyTuple_GET_SIZE(v);
    for (int k = 0; k < *count; k++)
        if ((lens[k] = cfg_bytes(PyTuple_GET_ITEM(v, k), out[k], 8, name)) < 0) return -1;
    return 0;
}

/* lexicon (form -> frequency) and part table (form -> Zipf) */
static int
load_tables(Core *c, PyObject *lexicon, PyObject *part_table, Py_ssize_t extra)
{
    if (!PyDict_Check(lexicon) || !PyDict_Check(part_table)) {
        PyErr_SetString(PyExc_TypeError, "segcore: lexicon and part table must be dicts");
        return -1;
    }
    if (st_init(&c->words, PyDict_GET_SIZE(lexicon) + extra) < 0) return -1;
    Py_ssize_t pos = 0;
    PyObject *k, *val;
    uint8_t b[MAX_FORM];
    while (PyDict_Next(lexicon, &pos, &k, &val)) {
        Py_ssize_t n = PyUnicode_Check(k) ? encode(k, b, MAX_FORM) : -1;
        if (n < 0) continue;  /* never asked about: not a run of letters up to MAX_FORM */
        double f = PyFloat_AsDouble(val);
        if (f == -1.0 && PyErr_Occurred()) return -1;
        if (st_put(&c->words, b, n, f > 0 ? log10(f) + 9 : 0.0, W_LEXICON) < 0) return -1;
    }
    pos = 0;
    while (PyDict_Next(part_table, &pos, &k, &val)) {
        Py_ssize_t n = PyUnicode_Check(k) ? encode(k, b, MAX_FORM) : -1;
        if (n < 0) continue;
        double z = PyFloat_AsDouble(val);
        if (z == -1.0 && PyErr_Occurred()) return -1;
        Entry *e = st_find(&c->words, b, n);
        if (e == NULL) {
            if (st_put(&c->words, b, n, z, W_PART) < 0) return -1;
        }
        else if (!(e->flags & W_LEXICON) || e->val == z)
            e->flags |= W_PART;  /* (a part's Zipf is its Zipf in the lexicon: one value) */
        else {
            PyErr_SetString(PyExc_ValueError, "segcore: the part table disagrees with the lexicon");
            return -1;
        }
    }
    return 0;
}

/* an n-gram of the character model as bytes ("^" -> 0, "$" -> 1); -1 when it cannot be asked about */
static Py_ssize_t
gram_bytes(PyObject *g, uint8_t *b, Py_UCS4 start, Py_UCS4 end)
{
    if (!PyUnicode_Check(g)) return -1;
    Py_ssize_t n = PyUnicode_GET_LENGTH(g);
    if (n > LM_CONTEXT + 1) return -1;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(g, i);
        if (ch == start) b[i] = 0;
        else if (ch == end) b[i] = 1;
        else if (ch > 0x0601 && ch <= 0x06FF) b[i] = (uint8_t)(ch - 0x0600);
        else return -1;
    }
    return n;
}

static int
load_lm(Core *c, PyObject *lp, PyObject *bo, PyObject *start, PyObject *end)
{
    if (!PyDict_Check(lp) || !PyDict_Check(bo) || !PyUnicode_Check(start) || !PyUnicode_Check(end)
        || PyUnicode_GET_LENGTH(start) != 1 || PyUnicode_GET_LENGTH(end) != 1) {
        PyErr_SetString(PyExc_TypeError, "segcore: bad character model");
        return -1;
    }
    Py_UCS4 s = PyUnicode_READ_CHAR(start, 0), e = PyUnicode_READ_CHAR(end, 0);
    if (it_init(&c->lp, PyDict_GET_SIZE(lp)) < 0 || it_init(&c->bo, PyDict_GET_SIZE(bo)) < 0) return -1;
    c->lm_ready = 1;
    PyObject *tables[2] = {lp, bo};
    IntTable *dst[2] = {&c->lp, &c->bo};
    for (int t = 0; t < 2; t++) {
        Py_ssize_t pos = 0;
        PyObject *k, *val;
        uint8_t b[LM_CONTEXT + 1];
        while (PyDict_Next(tables[t], &pos, &k, &val)) {
            Py_ssize_t n = gram_bytes(k, b, s, e);
            if (n < 0) continue;
            double v = PyFloat_AsDouble(val);
            if (v == -1.0 && PyErr_Occurred()) return -1;
            it_put(dst[t], pack(b, n), v);
        }
    }
    return 0;
}

static int
Core_init(Core *c, PyObject *args, PyObject *kwds)
{
    PyObject *cfg;
    if (!PyArg_ParseTuple(args, "O!", &PyDict_Type, &cfg)) return -1;
    if (c->words.slots || c->initialised) {
        PyErr_SetString(PyExc_RuntimeError, "segcore: Core is initialised once");
        return -1;
    }
    PyObject *lexicon = cfg_get(cfg, "lexicon"), *part_table = cfg_get(cfg, "part_table");
    PyObject *lp = cfg_get(cfg, "lp"), *bo = cfg_get(cfg, "bo");
    PyObject *start = cfg_get(cfg, "start_ch"), *end = cfg_get(cfg, "end_ch");
    if (!lexicon || !part_table || !lp || !bo || !start || !end) return -1;
    if (load_tables(c, lexicon, part_table, 256) < 0 || load_lm(c, lp, bo, start, end) < 0) return -1;
#define D(f) if (cfg_double(cfg, #f, &c->f) < 0) return -1;
#define S(f) if (cfg_size(cfg, #f, &c->f) < 0) return -1;
    D(lm_floor) D(top_part)
    D(keep_zipf) D(junk_log_ratio) D(margin) D(join_penalty) D(final_letter_margin) D(low_margin) D(low_part_zipf) D(dense_three_part_zipf) D(near_margin)
    D(dense_function_zipf) D(dense_after_function_zipf)
    D(unseen_mass) D(unseen_part_penalty) D(noise_zipf) D(noise_discount) D(repeat_keep_below) D(lone_part_zipf)
    D(clitic_discount) D(clitic_stem_zipf) D(particle_verb_zipf) D(particle_verb_alef_zipf)
    D(particle_verb_low_zipf) D(particle_verb_spelling_max) S(particle_verb_low_min)
    S(junk_min_part) S(unseen_part_min) S(max_run) S(max_parts) S(cache_size)
#undef D
#undef S
    if (c->max_run > MAX_FORM || c->max_parts > 3) {
        PyErr_SetString(PyExc_ValueError, "segcore: max_run above 64 or max_parts above 3");
        return -1;
    }
    memset(c->cls, 0, sizeof(c->cls));
    if (cfg_class(c, cfg, "letters", C_LETTER) < 0 || cfg_class(c, cfg, "marks", C_MARK) < 0
        || cfg_class(c, cfg, "tanween", C_TANWEEN) < 0 || cfg_class(c, cfg, "imperfect_start", C_IMPERFECT_START) < 0
        || cfg_class(c, cfg, "dual_before_ma", C_DUAL_BEFORE_MA) < 0 || cfg_class(c, cfg, "final_only", C_FINAL_ONLY) < 0
        || cfg_class(c, cfg, "conj", C_CONJ) < 0
        || cfg_class(c, cfg, "low_verb_start", C_LOW_VERB_START) < 0)
        return -1;
    if (c->cls[0] & C_LETTER || c->cls[1] & C_LETTER) {
        PyErr_SetString(PyExc_ValueError, "segcore: U+0600 and U+0601 stand for the model's start and end");
        return -1;
    }
    if (cfg_words(c, cfg, "prefix_set", W_PREFIX) < 0 || cfg_words(c, cfg, "suffix_set", W_SUFFIX) < 0
        || cfg_words(c, cfg, "imperfect_only", W_IMPERFECT_ONLY) < 0 || cfg_words(c, cfg, "not_a_part", W_NOT_A_PART) < 0
        || cfg_words(c, cfg, "not_last", W_NOT_LAST) < 0
        || cfg_words(c, cfg, "article_suffixes", W_ARTICLE_SUFFIX) < 0)
        return -1;
    if (cfg_lengths(cfg, "prefix_lengths", c->prefix_len, 8, &c->n_prefix_len) < 0
        || cfg_lengths(cfg, "suffix_lengths", c->suffix_len, 16, &c->n_suffix_len) < 0
        || cfg_strings(cfg, "particles", c->particles, c->particle_len, &c->n_particles) < 0
        || cfg_strings(cfg, "before_ya", c->before_ya, c->before_ya_len, &c->n_before_ya) < 0
        || cfg_strings(cfg, "article_ends", c->article_ends, c->article_end_len, &c->n_article_ends) < 0)
        return -1;
    PyObject *la = cfg_get(cfg, "la"), *ma = cfg_get(cfg, "ma");
    if (!la || !ma || cfg_bytes(la, c->la, 2, "la") != 2 || cfg_bytes(ma, c->ma, 2, "ma") != 2) {
        if (!PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "segcore config: la and ma are two letters");
        return -1;
    }
    if (cfg_char(cfg, "hamza_alef", &c->hamza_alef) < 0 || cfg_char(cfg, "waw", &c->waw) < 0
        || cfg_char(cfg, "ya", &c->ya) < 0)
        return -1;
    for (int r = 0; r < N_RULES; r++) {
        PyObject *v = cfg_get(cfg, rule_keys[r]);
        if (v == NULL) return -1;
        Py_INCREF(v);
        Py_XSETREF(c->rules[r], v);
    }
    PyObject *whole = cfg_get(cfg, "corpus_whole"), *pairs = cfg_get(cfg, "corpus_pairs");
    if (whole == NULL || pairs == NULL) return -1;
    if (whole != Py_None) {
        if (!PyDict_Check(whole) || !PyDict_Check(pairs)) {
            PyErr_SetString(PyExc_TypeError, "segcore: corpus counts must be dicts");
            return -1;
        }
        Py_INCREF(whole);
        Py_INCREF(pairs);
        Py_XSETREF(c->corpus_whole, whole);
        Py_XSETREF(c->corpus_pairs, pairs);
    }
    if (cfg_size(cfg, "corpus_pair_min", &c->corpus_pair_min) < 0 || cfg_size(cfg, "corpus_whole_min", &c->corpus_whole_min) < 0
        || cfg_double(cfg, "corpus_pair_ratio", &c->corpus_pair_ratio) < 0
        || cfg_double(cfg, "corpus_pair_clitic_max", &c->corpus_pair_clitic_max) < 0)
        return -1;
    PyObject *fpairs = cfg_get(cfg, "function_pairs");  /* joined form -> offset of its space */
    if (fpairs == NULL) return -1;
    if (!PyDict_Check(fpairs)) {
        PyErr_SetString(PyExc_TypeError, "segcore: function_pairs must be a dict");
        return -1;
    }
    if (st_init(&c->pairs, PyDict_GET_SIZE(fpairs)) < 0) return -1;
    Py_ssize_t fpos = 0;
    PyObject *fk, *fv;
    while (PyDict_Next(fpairs, &fpos, &fk, &fv)) {
        uint8_t b[MAX_FORM];
        Py_ssize_t n = PyUnicode_Check(fk) ? encode(fk, b, MAX_FORM) : -1;
        Py_ssize_t cut = PyLong_Check(fv) ? PyLong_AsSsize_t(fv) : -1;
        if (cut == -1 && PyErr_Occurred()) return -1;
        if (n < 0 || cut < 1 || cut >= n) {
            PyErr_SetString(PyExc_ValueError, "segcore: a function pair must be a form of letters and an offset inside it");
            return -1;
        }
        if (st_put(&c->pairs, b, n, (double)cut, 0) < 0) return -1;
    }
    PyObject *never = cfg_get(cfg, "never_lone");
    if (never == NULL) return -1;
    for (int r = 0; r < N_RULES; r++) {
        int in = PySequence_Contains(never, c->rules[r]);
        if (in < 0) return -1;
        c->never_lone[r] = (char)in;
    }
    c->initialised = 1;
    return 0;
}

static void
Core_dealloc(Core *c)
{
    st_free(&c->words);
    st_free(&c->pairs);
    if (c->lm_ready) {
        it_free(&c->lp);
        it_free(&c->bo);
    }
    for (int r = 0; r < N_RULES; r++) Py_CLEAR(c->rules[r]);
    Py_CLEAR(c->corpus_whole);
    Py_CLEAR(c->corpus_pairs);
    ts_free(&c->same);
    ts_free(&c->todo);
    Py_TYPE(c)->tp_free((PyObject *)c);
}

static PyMethodDef Core_methods[] = {
    {"decide_lexicon", (PyCFunction)Core_decide_lexicon, METH_O,
     "(parts, whole_zipf, part_zipf, score, rule) for a form of letters, as Segmenter._decide_lexicon; None for "
     "a form with another character."},
    {"decide", (PyCFunction)Core_decide, METH_O,
     "(parts, whole_zipf, part_zipf, score, rule) as Segmenter._decide (corpus evidence included); None likewise."},
    {"logp", (PyCFunction)Core_logp, METH_O, "CharModel.logp (None for a form with a character that is not a letter)."},
    {"clitic_zipf", (PyCFunction)Core_clitic_zipf, METH_O, "Segmenter.clitic_zipf (None likewise)."},
    {"repair_token", (PyCFunction)Core_repair_token, METH_O,
     "_repair_token for a token without diacritics: (repaired, offsets, weak runs, evident); None for one with them."},
    {"candidates", (PyCFunction)Core_candidates, METH_O,
     "candidates(text): [(start, token, repair or None), ...] for the tokens (between whitespace) that may "
     "need a repair."},
    {NULL}
};

static PyTypeObject CoreType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "libyakit._segcore.Core",
    .tp_basicsize = sizeof(Core),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "The compiled decision of libyakit.segment.Segmenter (built from a config dict).",
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Core_init,
    .tp_dealloc = (destructor)Core_dealloc,
    .tp_methods = Core_methods,
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_segcore", "Compiled core of libyakit's joined-word repair (see segment.py).", -1, NULL,
};

PyMODINIT_FUNC
PyInit__segcore(void)
{
    if (PyType_Ready(&CoreType) < 0) return NULL;
    PyObject *m = PyModule_Create(&module);
    if (m == NULL) return NULL;
    Py_INCREF(&CoreType);
    if (PyModule_AddObject(m, "Core", (PyObject *)&CoreType) < 0) {
        Py_DECREF(&CoreType);
        Py_DECREF(m);
        return NULL;
    }
#ifdef LIBYAKIT_SOURCE_SHA1
    if (PyModule_AddStringConstant(m, "SOURCE_SHA1", LIBYAKIT_SOURCE_SHA1) < 0) {
        Py_DECREF(m);
        return NULL;
    }
#endif
    return m;
}
