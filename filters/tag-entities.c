/*
 * tag-entities: read the record stream, pass every record through, and
 * after each S record write one E record per person, organisation, place
 * or nationality named in the sentence, with its canonical name.
 *
 * A document (from one D record to the next) is buffered whole: a name is
 * resolved the same way throughout it, and a surname takes the canonical
 * form of the full name however late that comes.  The lexicons are
 * compiled in (common/lexicons/ner-*.tsv); --lexicon adds a user's own.
 */
#include <err.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entities.h"
#include "lexicon.h"
#include "record.h"
#include "util.h"


/* One document's records, held until its last sentence is read. */
struct doc {
	struct buf	 raw;		/* the records as read, LF after each */
	struct buf	 id;		/* doc_id of its sentences */
	struct buf	 title;
	struct buf	 pre;		/* "E", doc_id, sentence id of E records */
	size_t		*sentend;	/* end of each S record in raw */
	unsigned long	*sentid;
	size_t		 nsent, cap;
};

/*
 * The document being read, for finish(): when a bad record makes the
 * reader exit, the records before it are still tagged and written.
 * Set once in main().
 */
static struct doc	*pending;
static struct nerdoc	*pendingnd;

static void	flush(struct doc *, struct nerdoc *);

static void
finish(void)
{
	static int done;

	if (done++ == 0 && pending != NULL && pending->raw.len > 0)
		flush(pending, pendingnd);
}

static void
usage(FILE *fp, int status)
{
	fprintf(fp, "usage: tag-entities [--lexicon FILE]... [--help] [--version]\n");
	exit(status);
}

/* Append '\t' and n in decimal. */
static void
addulong(struct buf *b, unsigned long n)
{
	char d[24], *p = d + sizeof(d);

	do
		*--p = (char)('0' + n % 10);
	while ((n /= 10) > 0);
	*--p = '\t';
	buf_add(b, p, (size_t)(d + sizeof(d) - p));
}

/*
 * Tag the buffered document and write it out with its E records.  The
 * fields every E record of a sentence shares (type, doc_id, sentence id)
 * are put together once, escaped as rec_field() would; the rest are
 * written with rec_ulong() and rec_field().
 */
static void
flush(struct doc *doc, struct nerdoc *nd)
{
	const char *tname[ENT_NORP + 1];
	size_t tlen[ENT_NORP + 1];
	const struct mention *m;
	size_t i = 0, si, n, done = 0, idlen;
	int t;

	if (doc->raw.len == 0)
		return;
	for (t = 0; t <= ENT_NORP; t++) {	/* plain words: no escapes */
		tname[t] = ent_typename(t);
		tlen[t] = strlen(tname[t]);
	}
	n = nerdoc_resolve(nd);
	buf_reset(&doc->pre);
	buf_adds(&doc->pre, "E\t");
	rec_escape(&doc->pre, doc->id.s, doc->id.len);
	idlen = doc->pre.len;
	for (si = 0; si < doc->nsent; si++) {
		out_write(stdout, doc->raw.s + done, doc->sentend[si] - done);
		done = doc->sentend[si];
		if (i >= n || (m = nerdoc_mention(nd, i))->sent != si)
			continue;
		doc->pre.len = idlen;
		addulong(&doc->pre, doc->sentid[si]);
		for (; i < n && (m = nerdoc_mention(nd, i))->sent == si; i++) {
			out_write(stdout, doc->pre.s, doc->pre.len);
			rec_ulong(stdout, m->start);
			rec_ulong(stdout, m->end);
			t = m->type >= 0 && m->type <= ENT_NORP ? m->type : 0;
			out_putc(stdout, '\t');
			out_write(stdout, tname[t], tlen[t]);
			rec_field(stdout, m->text, m->len);
			rec_field(stdout, m->canon, m->canonlen);
			rec_end(stdout);
		}
	}
	out_write(stdout, doc->raw.s + done, doc->raw.len - done);
	check_stdout();
	buf_reset(&doc->raw);
	buf_reset(&doc->title);
	doc->nsent = 0;
	nerdoc_reset(nd);
}

/* Does S record r start another document (streams without D records)? */
static int
newdoc(const struct doc *doc, const struct record *r)
{
	return doc->nsent > 0 && (doc->id.len != r->f[0].len ||
	    memcmp(doc->id.s, r->f[0].s, r->f[0].len) != 0);
}

static void
sentence(struct doc *doc, struct nerdoc *nd, const struct record *r)
{
	const struct field *text = &r->f[3];
	unsigned long id;
	size_t i;
	int title;

	if (doc->nsent == 0) {
		buf_reset(&doc->id);
		buf_add(&doc->id, r->f[0].s, r->f[0].len);
	}
	title = doc->nsent == 0 && doc->title.len > 0 &&
	    doc->title.len == text->len &&
	    memcmp(doc->title.s, text->s, text->len) == 0;
	nerdoc_add(nd, text->s, text->len, title);
	if (doc->nsent == doc->cap) {
		doc->cap = doc->cap ? doc->cap * 2 : 256;
		doc->sentend = erealloc(doc->sentend, doc->cap * sizeof(size_t));
		doc->sentid = erealloc(doc->sentid, doc->cap *
		    sizeof(unsigned long));
	}
	/* rec_read() has checked it: 1 to 15 digits (rec_numeric()). */
	for (id = 0, i = 0; i < r->f[1].len; i++)
		id = id * 10 + (unsigned long)(r->f[1].s[i] - '0');
	doc->sentid[doc->nsent] = id;
	doc->sentend[doc->nsent++] = doc->raw.len;
}

/* Options into files[] (the --lexicon FILEs); returns their count. */
static int
parseargs(int argc, char *argv[], char **files)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "lexicon", required_argument, NULL, 'l' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int c, n = 0;

	opterr = 0;		/* our own message: the same under any path */
	while ((c = getopt_long(argc, argv, ":hl:V", opts, NULL)) != -1)
		switch (c) {
		case 'h':
			usage(stdout, 0);
			break;
		case 'l':
			files[n++] = optarg;
			break;
		case 'V':
			print_version();
			break;
		case ':':
			warnx("option %s needs a FILE", argv[optind - 1]);
			usage(stderr, EXIT_USAGE);
			break;
		default:
			warnx("unknown option %s", argv[optind - 1]);
			usage(stderr, EXIT_USAGE);
		}
	if (optind != argc) {
		warnx("no operands: the record stream is read on stdin");
		usage(stderr, EXIT_USAGE);
	}
	return n;
}

/*
 * Read the record stream; buffer each document, tag it, write it back
 * with an E record per mention after each S record.
 */
int
main(int argc, char *argv[])
{
	struct doc doc = { 0 };
	struct nerlex *lx;
	struct nerdoc *nd;
	struct reader *rd;
	struct record r;
	char **files;
	int nfiles;

	setup_stdout();
	files = ecalloc((size_t)argc + 1, sizeof(char *));
	nfiles = parseargs(argc, argv, files);
	lx = nerlex_builtin(files, nfiles);
	nd = nerdoc_new(lx);
	pending = &doc;
	pendingnd = nd;
	atexit(finish);
	rd = rec_open(stdin, "stdin");
	while (rec_read(rd, &r)) {
		if (r.type == 'D') {
			flush(&doc, nd);
			buf_add(&doc.title, r.f[2].s, r.f[2].len);
		} else if (r.type == 'S' && newdoc(&doc, &r))
			flush(&doc, nd);
		buf_add(&doc.raw, r.raw, r.rawlen);
		buf_addc(&doc.raw, '\n');
		if (r.type == 'S')
			sentence(&doc, nd, &r);
	}
	pending = NULL;
	flush(&doc, nd);
	rec_close(rd);
	free(files);
	buf_free(&doc.raw);
	buf_free(&doc.id);
	buf_free(&doc.title);
	buf_free(&doc.pre);
	free(doc.sentend);
	free(doc.sentid);
	nerlex_free(lx);
	nerdoc_free(nd);
	return closeout();
}
