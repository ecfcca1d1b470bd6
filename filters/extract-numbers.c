/*
 * extract-numbers: add an N record after each S record of the lede record
 * stream, one per number mention in the sentence (contract section 7):
 * doc_id, sentence_id, start, end, kind, text, value, unit, qualifier,
 * noun.  Every record read is written back unchanged and in order.
 *
 * The N records of a sentence go after its S record and after the E
 * records that directly follow it (tag-entities' mentions of the same
 * sentence), so that running tag-entities before or after this filter
 * gives the same stream.  The finding itself is in common/num*.c.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numbers.h"
#include "record.h"
#include "utf8.h"
#include "util.h"

/* The N records of the last sentence, waiting for its E records to pass. */
struct pending {
	struct buf	 recs;		/* escaped N lines */
	struct buf	 doc;		/* the sentence's doc_id */
	struct buf	 sid;		/* and sentence_id */
	struct buf	 head;		/* "N\tdoc_id\tsentence_id", escaped */
	int		 active;
};

/* A TAB and the field s[0..n), escaped (rec_escape() copies a plain
 * field whole). */
static void
addfield(struct buf *b, const char *s, size_t n)
{
	buf_addc(b, '\t');
	rec_escape(b, s, n);
}

/*
 * A TAB and the field s[0..n) that needs no escape: made here of digits,
 * signs and points (values, dates) or one of the names of numbers.h.
 */
static void
addplain(struct buf *b, const char *s, size_t n)
{
	buf_addc(b, '\t');
	buf_add(b, s, n);
}

static void
addulong(struct buf *b, size_t n)
{
	char tmp[24], *p = tmp + sizeof(tmp);

	do
		*--p = (char)('0' + n % 10);
	while ((n /= 10) > 0);
	*--p = '\t';
	buf_add(b, p, (size_t)(tmp + sizeof(tmp) - p));
}

/* The N records of the window text[a..e) of sentence r, whose code
 * point offset is cpa, into p. */
static void
mentions(struct numfinder *nf, struct numdoc *doc, const struct record *r,
    struct pending *p, size_t a, size_t e, size_t cpa)
{
	const char *s = r->f[3].s + a;
	const struct mention *m;
	const char *v;
	char val[48];
	size_t i, n;

	n = num_find(nf, doc, s, e - a, &m);
	if (n > 0 && p->head.len == 0) {
		/* the first mention of the sentence */
		buf_addc(&p->head, 'N');
		addfield(&p->head, r->f[0].s, r->f[0].len);
		addfield(&p->head, r->f[1].s, r->f[1].len);
	}
	for (i = 0; i < n; i++, m++) {
		buf_add(&p->recs, p->head.s, p->head.len);
		addulong(&p->recs, cpa + m->cb);
		addulong(&p->recs, cpa + m->ce);
		v = num_kindname(m->kind);
		addplain(&p->recs, v, strlen(v));
		addfield(&p->recs, s + m->b, m->e - m->b);
		v = m->kind == NK_DATE ? m->date : nv_format(val, m->v);
		addplain(&p->recs, v, strlen(v));
		addfield(&p->recs, m->unit, strlen(m->unit));
		v = num_qualname(m->qual);
		addplain(&p->recs, v, strlen(v));
		addfield(&p->recs, s + m->nb, m->ne - m->nb);
		buf_addc(&p->recs, '\n');
	}
}

/*
 * Where the window of a long sentence that starts at a ends: at most
 * MAXWINDOW bytes on, after a space when there is one in its second
 * half, else on a code point boundary.  A sentence is read in windows so
 * that the finder's memory (tens of bytes per byte of text) stays
 * bounded; a number that spans a cut may be missed, which only happens
 * in "sentences" of over a megabyte.
 */
#define MAXWINDOW	((size_t)1 << 20)

static size_t
window_end(const char *s, size_t n, size_t a)
{
	size_t e;

	if (n - a <= MAXWINDOW)
		return n;
	for (e = a + MAXWINDOW; e > a + MAXWINDOW / 2 && s[e - 1] != ' '; e--)
		;
	if (s[e - 1] != ' ')
		for (e = a + MAXWINDOW; !UTF8_POINT(s[e]); e--)
			;
	return e;
}

/* Format the N records of sentence r into p. */
static void
numbers(struct numfinder *nf, struct numdoc *doc, const struct record *r,
    struct pending *p)
{
	const struct field *text = &r->f[3];
	size_t a, e, cpa;

	buf_reset(&p->recs);
	buf_reset(&p->head);
	for (a = 0, cpa = 0; a < text->len; a = e) {
		e = window_end(text->s, text->len, a);
		mentions(nf, doc, r, p, a, e, cpa);
		if (e < text->len)
			cpa += utf8_cpcount(text->s + a, e - a);
	}
	/*
	 * Most sentences have no number: with no N records to hold back
	 * their E records pass as any other record would.
	 */
	if (p->recs.len > 0) {
		buf_reset(&p->doc);
		buf_reset(&p->sid);
		buf_add(&p->doc, r->f[0].s, r->f[0].len);
		buf_add(&p->sid, r->f[1].s, r->f[1].len);
		p->active = 1;
	}
}

/* An E record of the pending sentence (it goes before the N records). */
static int
belongs(const struct pending *p, const struct record *r)
{
	return p->active && r->type == 'E' && r->f[0].len == p->doc.len &&
	    memcmp(r->f[0].s, p->doc.s, p->doc.len) == 0 &&
	    r->f[1].len == p->sid.len &&
	    memcmp(r->f[1].s, p->sid.s, p->sid.len) == 0;
}

static void
flush(struct pending *p)
{
	if (p->active && p->recs.len > 0)
		fwrite(p->recs.s, 1, p->recs.len, stdout);
	p->active = 0;
}

int
main(int argc, char *argv[])
{
	struct pending pend = { { NULL, 0, 0 }, { NULL, 0, 0 },
	    { NULL, 0, 0 }, { NULL, 0, 0 }, 0 };
	struct numdoc doc = { 0 };
	struct numfinder *nf;
	struct reader *rd;
	struct record r;

	setup_stdout();
	filter_args(argc, argv, "extract-numbers [--help] [--version] < records");
	nf = num_open();
	rd = rec_open(stdin, "stdin");
	while (rec_read(rd, &r)) {
		if (belongs(&pend, &r)) {
			rec_pass(stdout, &r);
			continue;
		}
		flush(&pend);
		if (r.type == 'D') {
			check_stdout();
			memset(&doc, 0, sizeof(doc));
		}
		rec_pass(stdout, &r);
		if (r.type == 'S')
			numbers(nf, &doc, &r, &pend);
	}
	flush(&pend);
	rec_close(rd);
	num_close(nf);
	buf_free(&pend.recs);
	buf_free(&pend.doc);
	buf_free(&pend.sid);
	buf_free(&pend.head);
	return closeout();
}
