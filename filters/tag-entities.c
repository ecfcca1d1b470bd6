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

/* Tag the buffered document and write it out with its E records. */
static void
flush(struct doc *doc, struct nerdoc *nd)
{
	const struct mention *m;
	size_t i = 0, si, n, done = 0;

	if (doc->raw.len == 0)
		return;
	n = nerdoc_resolve(nd);
	for (si = 0; si < doc->nsent; si++) {
		fwrite(doc->raw.s + done, 1, doc->sentend[si] - done, stdout);
		done = doc->sentend[si];
		for (; i < n && (m = nerdoc_mention(nd, i))->sent == si; i++) {
			rec_begin(stdout, 'E');
			rec_field(stdout, doc->id.s, doc->id.len);
			rec_ulong(stdout, doc->sentid[si]);
			rec_ulong(stdout, m->start);
			rec_ulong(stdout, m->end);
			rec_field(stdout, ent_typename(m->type),
			    strlen(ent_typename(m->type)));
			rec_field(stdout, m->text, m->len);
			rec_field(stdout, m->canon, m->canonlen);
			rec_end(stdout);
		}
	}
	fwrite(doc->raw.s + done, 1, doc->raw.len - done, stdout);
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
	doc->sentid[doc->nsent] = (unsigned long)rec_num(&r->f[1]);
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
	free(doc.sentend);
	free(doc.sentid);
	nerlex_free(lx);
	nerdoc_free(nd);
	return closeout();
}
