/*
 * normalize: raw article text to the lede record stream.
 *
 * Each input file (plain or gzip, or every file below a directory) is one
 * document.  Its bytes are cleaned to UTF-8 (clean.h), its lines become
 * paragraphs (hard-wrapped lines re-joined), a leading headline becomes
 * the title, and boilerplate lines (common/lexicons/boilerplate.tsv) are
 * dropped.  Out come one D record and its P records per document.
 */
#include <err.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "clean.h"
#include "input.h"
#include "lexicon.h"
#include "record.h"
#include "utf8.h"
#include "util.h"

#include "lex_boilerplate.h"

#define MAXBOILER	400	/* longer paragraphs are never boilerplate */
#define MAXTITLE	200	/* bytes */
#define MAXTITLEWORDS	25

#define MAXGROUPS	16

enum idmode { IDM_NAME, IDM_PATH, IDM_HASH };
enum where { W_ANY, W_HEAD, W_TAIL };

static enum idmode idmode = IDM_NAME;
static int keep_boilerplate;
static struct input_opts inopts;

/* A span of a buffer: a line or a paragraph. */
struct span {
	size_t	off, len;
	int	blank;		/* line: empty after trimming */
	int	trailsp;	/* line: had trailing white space */
	int	drop;		/* paragraph: boilerplate */
};

struct spans {
	struct span	*v;
	size_t		 n, cap;
};

/* Boilerplate rules with the same place, joined into one pattern. */
struct group {
	enum where	 where;
	size_t		 window;	/* paragraphs from the start or end */
	struct buf	 pat;
	pcre2_code	*re;
};

/* Everything one document needs, reused from document to document. */
struct doc {
	struct buf	 clean;		/* cleaned text */
	struct buf	 lines;		/* lines, white space collapsed */
	struct buf	 paras;		/* paragraphs, lines joined */
	struct buf	 id;
	struct spans	 line;
	struct spans	 para;
	struct group	 group[MAXGROUPS];
	int		 ngroup;
	pcre2_match_data *md;
	/* ids written so far, to keep doc_id unique within the run */
	uint64_t	*seen;
	size_t		 nseen, seencap;
};

static void
usage(FILE *fp, int status)
{
	fprintf(fp, "usage: normalize [--keep-boilerplate] "
	    "[--id=name|path|hash]\n"
	    "                 [--format=auto|text|tar|warc|jsonl|gigaword]\n"
	    "                 [--json-text=F] [--json-title=F] [--json-url=F] "
	    "[--json-date=F]\n"
	    "                 [FILE ...]\n");
	exit(status);
}

static struct span *
span_add(struct spans *s)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->v = erealloc(s->v, s->cap * sizeof(*s->v));
	}
	memset(&s->v[s->n], 0, sizeof(s->v[0]));
	return &s->v[s->n++];
}

/* The group for a WHERE column: any, headN or tailN (N paragraphs). */
static struct group *
group_for(struct doc *d, const struct lexline *l)
{
	enum where w;
	size_t window = 0;
	const char *num;
	char *end;
	int i;

	if (strcmp(l->col[1], "any") == 0)
		w = W_ANY, num = NULL;
	else if (strncmp(l->col[1], "head", 4) == 0)
		w = W_HEAD, num = l->col[1] + 4;
	else if (strncmp(l->col[1], "tail", 4) == 0)
		w = W_TAIL, num = l->col[1] + 4;
	else
		errx(EXIT_DATA, "boilerplate.tsv:%lu: bad WHERE %s", l->lineno,
		    l->col[1]);
	if (num != NULL && ((window = strtoul(num, &end, 10)) == 0 ||
	    *end != '\0'))
		errx(EXIT_DATA, "boilerplate.tsv:%lu: want %.4sN, N > 0",
		    l->lineno, l->col[1]);
	for (i = 0; i < d->ngroup; i++)
		if (d->group[i].where == w && d->group[i].window == window)
			return &d->group[i];
	if (d->ngroup == MAXGROUPS)
		errx(EXIT_DATA, "boilerplate.tsv:%lu: more than %d places",
		    l->lineno, MAXGROUPS);
	d->group[d->ngroup].where = w;
	d->group[d->ngroup].window = window;
	return &d->group[d->ngroup++];
}

/* Compile each group as (?:(?:rule)|(?:rule)...)\z, anchored and JIT. */
static void
compile_boilerplate(struct doc *d)
{
	struct lexreader lr;
	struct lexline l;
	struct group *g;
	PCRE2_SIZE erroff;
	PCRE2_UCHAR msg[256];
	int i, errcode;

	lex_open(&lr, lex_boilerplate, "boilerplate.tsv");
	while (lex_next(&lr, &l)) {
		if (l.ncol != 3)
			errx(EXIT_DATA, "boilerplate.tsv:%lu: want 3 columns",
			    l.lineno);
		g = group_for(d, &l);
		buf_adds(&g->pat, g->pat.len ? "|(?:" : "(?:(?:");
		buf_adds(&g->pat, l.col[2]);
		buf_adds(&g->pat, ")");
	}
	for (i = 0; i < d->ngroup; i++) {
		g = &d->group[i];
		buf_adds(&g->pat, ")\\z");
		g->re = pcre2_compile((PCRE2_SPTR)g->pat.s, g->pat.len,
		    PCRE2_UTF | PCRE2_UCP | PCRE2_ANCHORED, &errcode, &erroff,
		    NULL);
		if (g->re == NULL) {
			pcre2_get_error_message(errcode, msg, sizeof(msg));
			errx(EXIT_DATA, "boilerplate.tsv: %s", (char *)msg);
		}
		pcre2_jit_compile(g->re, PCRE2_JIT_COMPLETE);
		buf_free(&g->pat);
	}
	d->md = pcre2_match_data_create(16, NULL);
}

/*
 * Is paragraph i (of n; body from first on) boilerplate by a rule whose
 * place allows it there?  Long paragraphs never are, and a rule bound to
 * the head or tail applies only when some body lies outside its window.
 */
static int
is_boiler(struct doc *d, size_t i, size_t first, size_t n)
{
	const struct span *p = &d->para.v[i];
	const struct group *g;
	int k, rc;

	if (p->len > MAXBOILER)
		return 0;
	for (k = 0; k < d->ngroup; k++) {
		g = &d->group[k];
		if (g->where == W_HEAD && (i >= first + g->window ||
		    n <= first + g->window))
			continue;
		if (g->where == W_TAIL && (i + g->window < n ||
		    n <= first + g->window))
			continue;
		rc = pcre2_match(g->re, (PCRE2_SPTR)d->paras.s + p->off,
		    p->len, 0, PCRE2_NO_UTF_CHECK, d->md, NULL);
		if (rc >= 0)
			return 1;
		/* other errors (match limit): treat as body, never drop */
	}
	return 0;
}

/*
 * Split the cleaned text into lines with white space collapsed and ends
 * trimmed (into d->lines), noting blank lines and trailing white space.
 */
static void
split_lines(struct doc *d)
{
	const char *p = d->clean.s, *end = p + d->clean.len, *eol;
	struct span *l;
	size_t start;
	int space;

	buf_reset(&d->lines);
	d->line.n = 0;
	while (p < end) {
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			eol = end;
		l = span_add(&d->line);
		start = d->lines.len;
		space = 0;
		for (; p < eol; p++) {
			if (*p == ' ' || *p == '\t') {
				space = 1;
				continue;
			}
			if (space && d->lines.len > start)
				buf_addc(&d->lines, ' ');
			space = 0;
			buf_addc(&d->lines, *p);
		}
		l->off = start;
		l->len = d->lines.len - start;
		l->blank = l->len == 0;
		l->trailsp = space && l->len > 0;
		p = eol + 1;
	}
}

static int
lastc(const char *s, size_t n)
{
	return n ? (unsigned char)s[n - 1] : 0;
}

static int
ends_sentence(const char *s, size_t n)
{
	static const char *closers[] = { ".", "?", "!", ":", ";", "\"", "'",
	    ")", "…", "”", "’", "»", NULL };
	size_t i, k;

	for (i = 0; closers[i]; i++) {
		k = strlen(closers[i]);
		if (n >= k && memcmp(s + n - k, closers[i], k) == 0)
			return 1;
	}
	return 0;
}

static int
is_lower(const char *s, size_t n)
{
	uint32_t cp;

	if (n == 0 || utf8_decode(s, n, &cp) == 0)
		return 0;
	if (cp < 0x80)
		return cp >= 'a' && cp <= 'z';
	/* Latin-1 and Latin Extended-A lower-case letters, roughly. */
	return (cp >= 0xdf && cp <= 0xff && cp != 0xf7) ||
	    (cp >= 0x100 && cp <= 0x17f && (cp & 1));
}

static size_t
count_words(const char *s, size_t n)
{
	size_t i, w = n > 0;

	for (i = 0; i < n; i++)
		w += s[i] == ' ';
	return w;
}

/*
 * Hard-wrapped text: most lines of a similar length near a common width,
 * most line breaks inside blocks falling mid-sentence, and a good share of
 * lines starting in lower case.
 */
static int
is_wrapped(const struct doc *d)
{
	size_t i, n = 0, maxlen = 0, longish = 0, inner = 0, midsent = 0;
	size_t lowerstart = 0;
	const struct span *l;

	for (i = 0; i < d->line.n; i++) {
		l = &d->line.v[i];
		if (l->blank)
			continue;
		n++;
		if (l->len > maxlen)
			maxlen = l->len;
	}
	if (n < 3 || maxlen < 40 || maxlen > 120)
		return 0;
	for (i = 0; i < d->line.n; i++) {
		l = &d->line.v[i];
		if (l->blank)
			continue;
		if (l->len * 10 >= maxlen * 6)
			longish++;
		if (i + 1 < d->line.n && !d->line.v[i + 1].blank) {
			inner++;
			midsent += !ends_sentence(d->lines.s + l->off, l->len);
			lowerstart += is_lower(d->lines.s + l[1].off, l[1].len);
		}
	}
	/* Most words are lower case: a break mid-sentence mostly shows it. */
	return inner * 2 >= n && longish * 10 >= n * 7 &&
	    midsent * 2 >= inner && lowerstart * 3 >= inner;
}

/*
 * Does line b continue line a, a line broken mid-sentence?  para is the
 * paragraph a ends (a itself, or a and the lines joined before it).
 */
static int
continues(const struct doc *d, const struct span *para, const struct span *a,
    const struct span *b)
{
	const char *as = d->lines.s + a->off, *bs = d->lines.s + b->off;
	const char *ps = d->paras.s + para->off;
	size_t plen = d->paras.len - para->off;
	int c0 = (unsigned char)bs[0];

	if (strchr(".,;:!?)", c0) != NULL && c0 != '\0')
		return 1;
	if (ends_sentence(as, a->len))
		return 0;
	if (a->trailsp && (is_lower(bs, b->len) || c0 == '(' ||
	    (c0 >= '0' && c0 <= '9')))
		return 1;
	return is_lower(bs, b->len) && !is_lower(ps, plen) &&
	    count_words(ps, plen) >= 3;
}

/* Lines to paragraphs: one per line, or per block when hard-wrapped. */
static void
make_paragraphs(struct doc *d)
{
	const struct span *l, *prev = NULL;
	struct span *p = NULL;
	int wrapped = is_wrapped(d);
	size_t i;

	buf_reset(&d->paras);
	d->para.n = 0;
	for (i = 0; i < d->line.n; i++) {
		l = &d->line.v[i];
		if (l->blank) {
			prev = NULL;
			continue;
		}
		if (prev != NULL && (wrapped || continues(d, p, prev, l))) {
			if (strchr(".,;:!?)", d->lines.s[l->off]) == NULL)
				buf_addc(&d->paras, ' ');
		} else {
			if (p != NULL)
				p->len = d->paras.len - p->off;
			p = span_add(&d->para);
			p->off = d->paras.len;
		}
		buf_add(&d->paras, d->lines.s + l->off, l->len);
		prev = l;
	}
	if (p != NULL)
		p->len = d->paras.len - p->off;
}

static int
is_dateline(const char *s, size_t n)
{
	static const char *starts[] = { "Monday", "Tuesday", "Wednesday",
	    "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
	    "March", "April", "May ", "June", "July", "August", "September",
	    "October", "November", "December", NULL };
	size_t i, k;

	for (i = 0; starts[i]; i++) {
		k = strlen(starts[i]);
		if (n >= k && memcmp(s, starts[i], k) == 0)
			return memchr(s, '1', n < 40 ? n : 40) != NULL ||
			    memchr(s, '2', n < 40 ? n : 40) != NULL;
	}
	return 0;
}

/* A headline: short, not ending like a body sentence, not a dateline. */
static int
is_headline(const char *s, size_t n)
{
	int c = lastc(s, n);
	size_t i;

	if (n == 0 || n > MAXTITLE || count_words(s, n) > MAXTITLEWORDS)
		return 0;
	if (c == '.' || c == ',' || c == ';' || c == ':' || is_lower(s, n))
		return 0;
	if (n >= 2 && (c == '"' || c == '\'') && s[n - 2] == '.')
		return 0;
	/* Two sentences ("... world. But ...") are body, not a headline. */
	for (i = 3; i + 2 < n; i++)
		if (s[i] == '.' && s[i + 1] == ' ' && is_lower(s + i - 1, 1) &&
		    is_lower(s + i - 2, 1) && is_lower(s + i - 3, 1))
			return 0;
	return !is_dateline(s, n);
}

/*
 * Decide the title and drop boilerplate.  A first paragraph repeated as
 * the second (verbatim, or cut short) is dropped and the fuller one kept.
 * Returns the index of the title paragraph, or -1.
 */
static long
mark_paragraphs(struct doc *d, int given)
{
	struct span *p = d->para.v, *a, *b;
	size_t i, n = d->para.n, first;
	long title = -1;

	if (n >= 1 && given)
		title = 0;		/* the dump says what the headline is */
	if (n >= 2) {
		a = &p[0];
		b = &p[1];
		if (given || is_headline(d->paras.s + a->off, a->len)) {
			title = 0;
			if (!keep_boilerplate && b->len >= a->len &&
			    memcmp(d->paras.s + a->off, d->paras.s + b->off,
			    a->len) == 0 && (b->len == a->len || (!given &&
			    d->paras.s[b->off + a->len] == ' ' &&
			    is_headline(d->paras.s + b->off, b->len)))) {
				a->drop = 1;
				title = 1;
			}
		}
	}
	if (keep_boilerplate)
		return title;
	first = (size_t)(title + 1);
	for (i = first; i < n; i++)
		if (!p[i].drop)
			p[i].drop = is_boiler(d, i, first, n);
	return title;
}

static int
seen_id(struct doc *d, const char *s, size_t n)
{
	uint64_t h = hash64(s, n);
	size_t i;

	/* Open addressing over 64-bit hashes; 0 marks a free slot. */
	h += h == 0;
	if ((d->nseen + 1) * 2 > d->seencap) {
		uint64_t *old = d->seen;
		size_t oldcap = d->seencap;

		d->seencap = d->seencap ? d->seencap * 2 : 1024;
		d->seen = ecalloc(d->seencap, sizeof(*d->seen));
		d->nseen = 0;
		for (i = 0; i < oldcap; i++) {
			size_t j = (size_t)old[i] & (d->seencap - 1);

			if (old[i] == 0)
				continue;
			while (d->seen[j] != 0)
				j = (j + 1) & (d->seencap - 1);
			d->seen[j] = old[i];
			d->nseen++;
		}
		free(old);
	}
	for (i = (size_t)h & (d->seencap - 1); d->seen[i] != 0;
	    i = (i + 1) & (d->seencap - 1))
		if (d->seen[i] == h)
			return 1;
	d->seen[i] = h;
	d->nseen++;
	return 0;
}

static void
strip_suffix(struct buf *b, const char *suffix)
{
	size_t k = strlen(suffix);

	if (b->len > k && memcmp(b->s + b->len - k, suffix, k) == 0)
		b->s[b->len -= k] = '\0';
}

/* A URL as an id: the scheme dropped, other than [A-Za-z0-9._-] to '_'. */
static void
url_id(struct buf *id, const char *url)
{
	const char *p = strstr(url, "://");
	int under = 0;

	for (p = p ? p + 3 : url; *p != '\0' && id->len < 120; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '.' || *p == '-') {
			buf_addc(id, *p);
			under = 0;
		} else if (!under && id->len > 0) {
			buf_addc(id, '_');
			under = 1;
		}
	}
	while (id->len > 0 && id->s[id->len - 1] == '_')
		id->s[--id->len] = '\0';
}

/* The document's id per --id, made unique within the run. */
static void
make_id(struct doc *d, const struct document *in)
{
	const char *base;
	size_t stem;
	unsigned long k;
	char sfx[24];

	buf_reset(&d->id);
	if (idmode == IDM_HASH) {
		snprintf(sfx, sizeof(sfx), "%016llx",
		    (unsigned long long)hash64(in->text, in->len));
		buf_adds(&d->id, sfx);
	} else if (in->idfrom == ID_URL)
		url_id(&d->id, in->name);
	else if (in->idfrom == ID_GIVEN)
		buf_adds(&d->id, in->name);
	else if (strcmp(in->name, "-") == 0)
		buf_adds(&d->id, "stdin");
	else {
		base = idmode == IDM_PATH ? in->name : strrchr(in->name, '/');
		base = base == NULL ? in->name : base + (idmode == IDM_NAME);
		buf_adds(&d->id, base);
		strip_suffix(&d->id, ".gz");
		strip_suffix(&d->id, ".txt");
	}
	if (d->id.len == 0)
		buf_adds(&d->id, "doc");
	stem = d->id.len;
	for (k = 2; seen_id(d, d->id.s, d->id.len); k++) {
		d->id.len = stem;
		snprintf(sfx, sizeof(sfx), "-%lu", k);
		buf_adds(&d->id, sfx);
	}
}

static void
doc_free(struct doc *d)
{
	int w;

	buf_free(&d->clean);
	buf_free(&d->lines);
	buf_free(&d->paras);
	buf_free(&d->id);
	free(d->line.v);
	free(d->para.v);
	free(d->seen);
	for (w = 0; w < d->ngroup; w++)
		pcre2_code_free(d->group[w].re);
	pcre2_match_data_free(d->md);
}

/* Does the text's first line hold the same words as the title? */
static int
starts_with_title(const char *text, size_t len, const char *title)
{
	size_t k = strlen(title), n = strcspn(text, "\n");

	while (k > 0 && (title[k - 1] == ' ' || title[k - 1] == '\r'))
		k--;
	while (n > 0 && (text[n - 1] == ' ' || text[n - 1] == '\r'))
		n--;
	return n <= len && n == k && memcmp(text, title, k) == 0;
}

static void
put_opt(const char *s)
{
	rec_field(stdout, s ? s : "", s ? strlen(s) : 0);
}

static int
document(const struct document *in, void *arg)
{
	struct doc *d = arg;
	const struct span *p;
	unsigned long pid = 0;
	long title;
	size_t i;
	int given = in->title != NULL && in->title[strspn(in->title,
	    " \t\r\n")] != '\0';

	make_id(d, in);
	buf_reset(&d->clean);
	if (given && !starts_with_title(in->text, in->len, in->title)) {
		clean_text(&d->clean, in->title, strlen(in->title));
		buf_adds(&d->clean, "\n\n");
	}
	clean_text(&d->clean, in->text, in->len);
	split_lines(d);
	make_paragraphs(d);
	title = mark_paragraphs(d, given);

	rec_begin(stdout, 'D');
	rec_field(stdout, d->id.s, d->id.len);
	rec_field(stdout, in->source, strlen(in->source));
	if (title >= 0)
		rec_field(stdout, d->paras.s + d->para.v[title].off,
		    d->para.v[title].len);
	else
		rec_field(stdout, "", 0);
	if (in->url != NULL || in->date != NULL) {
		put_opt(in->url);
		put_opt(in->date);
	}
	rec_end(stdout);
	for (i = 0; i < d->para.n; i++) {
		p = &d->para.v[i];
		if (p->drop)
			continue;
		rec_begin(stdout, 'P');
		rec_field(stdout, d->id.s, d->id.len);
		rec_ulong(stdout, ++pid);
		rec_field(stdout, d->paras.s + p->off, p->len);
		rec_end(stdout);
	}
	check_stdout();
	return 0;
}

/* What a dump held, as a comment in the stream. */
static void
note(const char *msg, void *arg)
{
	(void)arg;
	printf("# normalize: %s\n", msg);
}

int
main(int argc, char *argv[])
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "id", required_argument, NULL, 'i' },
		{ "json-date", required_argument, NULL, 'D' },
		{ "json-text", required_argument, NULL, 'T' },
		{ "json-title", required_argument, NULL, 'H' },
		{ "json-url", required_argument, NULL, 'U' },
		{ "keep-boilerplate", no_argument, NULL, 'k' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct doc d = { 0 };
	int c, status;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'D': inopts.json_date = optarg; break;
		case 'f':
			if ((c = input_format(optarg)) < 0) {
				warnx("--format: want auto, text, tar, warc, "
				    "jsonl or gigaword, not %s", optarg);
				usage(stderr, EXIT_USAGE);
			}
			inopts.format = (enum format)c;
			break;
		case 'H': inopts.json_title = optarg; break;
		case 'h': usage(stdout, 0); break;
		case 'T': inopts.json_text = optarg; break;
		case 'U': inopts.json_url = optarg; break;
		case 'i':
			if (strcmp(optarg, "name") == 0)
				idmode = IDM_NAME;
			else if (strcmp(optarg, "path") == 0)
				idmode = IDM_PATH;
			else if (strcmp(optarg, "hash") == 0)
				idmode = IDM_HASH;
			else {
				warnx("--id: want name, path or hash, not %s",
				    optarg);
				usage(stderr, EXIT_USAGE);
			}
			break;
		case 'k': keep_boilerplate = 1; break;
		case 'V': print_version(); break;
		default: usage(stderr, EXIT_USAGE);
		}
	}
	setup_stdout();
	compile_boilerplate(&d);
	inopts.note = note;
	status = input_each(argv + optind, argc - optind, &inopts, document,
	    &d);
	doc_free(&d);
	return closeout() | status;
}
