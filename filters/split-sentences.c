/*
 * split-sentences: replace each paragraph (P record) of the lede record
 * stream by its sentences (S records).
 *
 * An S record carries doc_id, sentence_id, paragraph_id and the sentence
 * text, trimmed of surrounding spaces.  Sentence ids count from 1 within
 * each document: they restart at every D record and whenever the doc_id
 * changes.  A sentence never crosses a paragraph, and nothing but spaces
 * is lost: the other characters of a paragraph are those of its sentences,
 * in order.  Every other record (D, E, N, comments, unknown types) passes
 * through unchanged and in order.  The splitting itself is in
 * common/sentences.c.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "record.h"
#include "sentences.h"
#include "util.h"

struct doc {
	struct buf	 id;		/* the current document's doc_id */
	unsigned long	 nsent;		/* sentences written for it */
};

/* Start counting sentences again when the document changes. */
static void
enter(struct doc *d, const struct field *id)
{
	if (d->id.s != NULL && d->id.len == id->len &&
	    memcmp(d->id.s, id->s, id->len) == 0)
		return;
	buf_reset(&d->id);
	buf_add(&d->id, id->s, id->len);
	d->nsent = 0;
}

/* Write the S records of one P record. */
static void
paragraph(struct doc *d, const struct record *r, struct sentlist *sl)
{
	const struct field *text = &r->f[2];
	size_t i;

	enter(d, &r->f[0]);
	sent_split(text->s, text->len, sl);
	for (i = 0; i < sl->n; i++) {
		rec_begin(stdout, 'S');
		rec_field(stdout, r->f[0].s, r->f[0].len);
		rec_ulong(stdout, ++d->nsent);
		rec_field(stdout, r->f[1].s, r->f[1].len);
		rec_field(stdout, text->s + sl->v[i].start,
		    sl->v[i].end - sl->v[i].start);
		rec_end(stdout);
	}
}

int
main(int argc, char *argv[])
{
	struct reader *rd;
	struct record r;
	struct doc d;
	struct sentlist sl;

	setup_stdout();
	filter_args(argc, argv, "split-sentences [--help] [--version]");
	memset(&d, 0, sizeof(d));
	memset(&sl, 0, sizeof(sl));
	rd = rec_open(stdin, "stdin");
	while (rec_read(rd, &r)) {
		if (r.type == 'P') {
			paragraph(&d, &r, &sl);
			continue;
		}
		if (r.type == 'D') {
			check_stdout();
			buf_reset(&d.id);	/* ids restart even if repeated */
			enter(&d, &r.f[0]);
		}
		rec_pass(stdout, &r);
	}
	rec_close(rd);
	sent_free(&sl);
	buf_free(&d.id);
	return closeout();
}
