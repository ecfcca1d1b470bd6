/*
 * dumps.h: readers of the dump formats, used by input.c.  Each reads
 * everything from ctx->z, calls ctx->fn once per good document, reports
 * damaged records as "PROG: PATH: record N: WHAT" and goes on; returns 0,
 * or 1 if any record was damaged or fn failed.
 */
#ifndef DUMPS_H
#define DUMPS_H

#include "input.h"
#include "util.h"
#include "zread.h"

/*
 * The largest document read (after decompression): a bigger one (a
 * file, tar member or WARC record) is reported and skipped, so memory
 * stays bounded (normalize needs about four times a document's size).
 */
#define DUMP_MAXDOC	((size_t)256 << 20)
#define DUMP_TOOBIG	"larger than 256 MiB, skipped (the limit for one document)"

struct dumpctx {
	struct zin		*z;
	const char		*path;
	const struct input_opts	*opts;
	input_fn		 fn;
	void			*arg;
	struct buf		 text;		/* reused for every document */
	struct buf		 line;
	struct buf		 meta;		/* source, title, url, date */
};

int	dump_text(struct dumpctx *ctx);
int	dump_tar(struct dumpctx *ctx);
int	dump_warc(struct dumpctx *ctx);
int	dump_jsonl(struct dumpctx *ctx);
int	dump_sgml(struct dumpctx *ctx);

/*
 * html_to_text: append the visible text of an HTML document to out, one
 * line per block (paragraph, heading, list item, table row, <br>); the
 * content of <title> to title; script, style, navigation and comments
 * dropped; character references decoded.
 */
void	html_to_text(struct buf *out, struct buf *title, const char *html,
	    size_t n);

/* Decode SGML/HTML character references (&amp; &AMP; &#39; &#x2019;) in
 * s[0..n), appending to out. */
void	decode_entities(struct buf *out, const char *s, size_t n);

#endif
