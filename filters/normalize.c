/*
 * normalize: raw article text to the lede record stream.
 *
 * Each input file (plain or gzip, or every file below a directory) is one
 * document, or a dump of many (tar, WARC, JSON Lines, Gigaword: input.h).
 * A document's bytes are cleaned to UTF-8 (clean.h), its lines become
 * paragraphs (hard-wrapped lines re-joined), a leading headline becomes
 * the title, and boilerplate paragraphs (boiler.h) are dropped.  Out come
 * one D record and its P records per document.
 */
#include <err.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boiler.h"
#include "clean.h"
#include "docid.h"
#include "input.h"
#include "record.h"
#include "scan.h"
#include "utf8.h"
#include "util.h"

#define MAXTITLE	200	/* bytes */
#define MAXTITLEWORDS	25

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

/* Everything one document needs, reused from document to document. */
struct doc {
	/*
	 * The cleaned text.  Lines and paragraphs are made in place: white
	 * space collapsed inside each line, lines joined by moving them down
	 * over the line breaks between them, so the spans of both point into
	 * it and no byte is copied but those that move.
	 */
	struct buf	 clean;
	struct buf	 id;
	struct spans	 line;
	struct spans	 para;
	struct boiler	*boiler;
	struct idset	*ids;
};

static void
usage(FILE *fp, int status)
{
	fprintf(fp, "usage: normalize [--keep-boilerplate] "
	    "[--id=name|path|hash]\n"
	    "                 [--format=auto|text|tar|warc|jsonl|gigaword]\n"
	    "                 [--json-text=F] [--json-title=F] [--json-url=F] "
	    "[--json-date=F]\n"
	    "                 [--files0-from=F | FILE ...]\n");
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

/*
 * Whether the eight bytes at p (nine readable) hold no TAB and no space
 * followed by a space or TAB: nothing to collapse starts among them.  A
 * false alarm only sends the bytes the slow way.
 */
static int
tidy8(const char *p)
{
	uint64_t w = scan_load(p), sp = scan_byte(w, ' ');

	return !scan_byte(w, '\t') && !(sp & (sp >> 8)) &&
	    !(p[7] == ' ' && (p[8] == ' ' || p[8] == '\t'));
}

/* Whether a run of white space to collapse (or a TAB) starts at s[i]. */
static int
starts_run(const char *s, size_t n, size_t i)
{
	return s[i] == '\t' || (s[i] == ' ' && i + 1 < n &&
	    (s[i + 1] == ' ' || s[i + 1] == '\t'));
}

/*
 * Collapse each run of spaces and TABs in s[0..n), which neither starts
 * nor ends with white space, to one space, in place; returns the new
 * length.  Most lines have none: the bytes between runs are found eight
 * at a time and move only once a run has been collapsed before them.
 * The write position never passes the read position: a run of k bytes
 * (k >= 1) becomes one space.
 */
static size_t
collapse(char *s, size_t n)
{
	size_t i = 0, from = 0, to = 0, stop;

	for (;;) {
		while (n - i >= 9 && tidy8(s + i))
			i += 8;
		for (stop = n - i > 8 ? i + 8 : n; i < stop &&
		    !starts_run(s, n, i); i++)
			;
		if (i == n)
			break;
		if (i < stop) {
			if (to != from)
				memmove(s + to, s + from, i - from);
			to += i - from;
			s[to++] = ' ';
			while (i < n && (s[i] == ' ' || s[i] == '\t'))
				i++;
			from = i;
		}
	}
	if (to != from)
		memmove(s + to, s + from, n - from);
	return to + (n - from);
}

/*
 * Split the cleaned text into lines, in place, with white space collapsed
 * and ends trimmed, noting blank lines and trailing white space.
 */
static void
split_lines(struct doc *d)
{
	char *p = d->clean.s, *end = p + d->clean.len, *eol, *tail;
	struct span *l;

	d->line.n = 0;
	while (p < end) {
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			eol = end;
		l = span_add(&d->line);
		for (tail = eol; tail > p && (tail[-1] == ' ' ||
		    tail[-1] == '\t'); tail--)
			;
		while (p < tail && (*p == ' ' || *p == '\t'))
			p++;
		l->off = (size_t)(p - d->clean.s);
		l->len = collapse(p, (size_t)(tail - p));
		l->blank = l->len == 0;
		l->trailsp = tail < eol && l->len > 0;
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
	/* The closers past ASCII: … ” ’ » */
	static const char *const wide[] = { "\xe2\x80\xa6", "\xe2\x80\x9d",
	    "\xe2\x80\x99", "\xc2\xbb" };
	size_t i, k;
	int c = lastc(s, n);

	if (c != 0 && strchr(".?!:;\"')", c) != NULL)
		return 1;
	if (c < 0x80)
		return 0;
	for (i = 0; i < sizeof(wide) / sizeof(wide[0]); i++) {
		k = strlen(wide[i]);
		if (n >= k && memcmp(s + n - k, wide[i], k) == 0)
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

/* Whether s[0..n) has at least k words: count_words(), stopping early. */
static int
has_words(const char *s, size_t n, size_t k)
{
	size_t i, w = n > 0;

	for (i = 0; i < n && w < k; i++)
		w += s[i] == ' ';
	return w >= k;
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
			midsent += !ends_sentence(d->clean.s + l->off, l->len);
			lowerstart += is_lower(d->clean.s + l[1].off, l[1].len);
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
	const char *as = d->clean.s + a->off, *bs = d->clean.s + b->off;
	const char *ps = d->clean.s + para->off;
	size_t plen = para->len;
	int c0 = (unsigned char)bs[0];

	if (strchr(".,;:!?)", c0) != NULL && c0 != '\0')
		return 1;
	if (ends_sentence(as, a->len))
		return 0;
	if (a->trailsp && (is_lower(bs, b->len) || c0 == '(' ||
	    (c0 >= '0' && c0 <= '9')))
		return 1;
	return is_lower(bs, b->len) && !is_lower(ps, plen) &&
	    has_words(ps, plen, 3);
}

/*
 * Lines to paragraphs: one per line, or per block when hard-wrapped.  A
 * line joining a paragraph moves down to its end: the line break (at
 * least one byte) between them leaves room for the joining space.
 */
static void
make_paragraphs(struct doc *d)
{
	struct span *l, *prev = NULL, *p = NULL;
	int wrapped = is_wrapped(d);
	char *to;
	size_t i;

	d->para.n = 0;
	for (i = 0; i < d->line.n; i++) {
		l = &d->line.v[i];
		if (l->blank) {
			prev = NULL;
			continue;
		}
		if (prev != NULL && (wrapped || continues(d, p, prev, l))) {
			to = d->clean.s + p->off + p->len;
			if (strchr(".,;:!?)", d->clean.s[l->off]) == NULL)
				*to++ = ' ';
			memmove(to, d->clean.s + l->off, l->len);
			l->off = (size_t)(to - d->clean.s);	/* for continues() */
			p->len = l->off + l->len - p->off;
		} else {
			p = span_add(&d->para);
			p->off = l->off;
			p->len = l->len;
		}
		prev = l;
	}
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
		if (given || is_headline(d->clean.s + a->off, a->len)) {
			title = 0;
			if (!keep_boilerplate && b->len >= a->len &&
			    memcmp(d->clean.s + a->off, d->clean.s + b->off,
			    a->len) == 0 && (b->len == a->len || (!given &&
			    d->clean.s[b->off + a->len] == ' ' &&
			    is_headline(d->clean.s + b->off, b->len)))) {
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
			p[i].drop = boiler_match(d->boiler,
			    d->clean.s + p[i].off, p[i].len, i, first, n);
	return title;
}

static void
doc_free(struct doc *d)
{
	buf_free(&d->clean);
	buf_free(&d->id);
	free(d->line.v);
	free(d->para.v);
	boiler_free(d->boiler);
	idset_free(d->ids);
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

	docid_make(d->ids, &d->id, in, idmode);
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
		rec_field(stdout, d->clean.s + d->para.v[title].off,
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
		rec_field(stdout, d->clean.s + p->off, p->len);
		rec_end(stdout);
	}
	check_stdout();
	return 0;
}

/*
 * The NUL-terminated names in file (- for stdin), for --files0-from: a
 * list of any length, with any bytes in the names.  names holds them.
 */
static char **
read_names(const char *file, struct buf *names, int *n)
{
	FILE *fp = strcmp(file, "-") == 0 ? stdin : fopen(file, "r");
	char chunk[65536], **v;
	size_t k, i;
	int count = 0;

	if (fp == NULL)
		err(EXIT_DATA, "%s", file);
	while ((k = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		buf_add(names, chunk, k);
	if (ferror(fp))
		err(EXIT_DATA, "%s", file);
	if (fp != stdin)
		fclose(fp);
	if (names->len > 0 && names->s[names->len - 1] != '\0')
		buf_addc(names, '\0');	/* a last name without its NUL */
	for (i = 0; i < names->len; i++)
		count += names->s[i] == '\0';
	v = ecalloc((size_t)count + 1, sizeof(*v));
	for (i = 0, count = 0; i < names->len; i += strlen(names->s + i) + 1)
		if (names->s[i] != '\0')	/* skip empty names */
			v[count++] = names->s + i;
	*n = count;
	return v;
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
		{ "files0-from", required_argument, NULL, '0' },
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
	struct buf names = { 0 };
	char **paths, *files0 = NULL;
	int c, status, npaths;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case '0': files0 = optarg; break;
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
	d.boiler = boiler_compile();
	d.ids = idset_new();
	paths = argv + optind;
	npaths = argc - optind;
	if (files0 != NULL) {
		if (npaths > 0) {
			warnx("--files0-from: no FILE arguments as well");
			usage(stderr, EXIT_USAGE);
		}
		paths = read_names(files0, &names, &npaths);
	}
	inopts.note = note;
	/* No names in a --files0-from file means no input, not stdin. */
	status = files0 != NULL && npaths == 0 ? 0 :
	    input_each(paths, npaths, &inopts, document, &d);
	if (files0 != NULL) {
		free(paths);
		buf_free(&names);
	}
	doc_free(&d);
	return closeout() | status;
}
