/*
 * dump-warc.c: WARC and WET files (Common Crawl, CC-NEWS, wget).  Each
 * record is the line "WARC/1.x", header lines, an empty line, exactly
 * Content-Length bytes of body and two CRLFs.  A conversion record (WET)
 * is plain text; a response record holds an HTTP message whose HTML or
 * text body is the document; a resource record with a text type is a
 * document too.  Other records (warcinfo, request, metadata, revisit, and
 * responses that are not text) are skipped and counted in a note.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dumps.h"

#define MAXHEADER	(64 * 1024)	/* a header line longer is damage */

struct warc {
	long long	 length;		/* Content-Length, -1: none */
	char		 type[32];
	char		*uri, *date, *ctype;	/* into struct buf head */
	struct buf	 head;			/* the header values, NUL-ended */
	struct buf	 http;			/* a response's text */
	struct buf	 title;
};

/* Is the header line name: value?  Then return the value, trimmed. */
static char *
header(char *line, const char *name)
{
	size_t k = strlen(name);
	char *v, *end;

	if (strncasecmp(line, name, k) != 0 || line[k] != ':')
		return NULL;
	for (v = line + k + 1; *v == ' ' || *v == '\t'; v++)
		;
	end = v + strlen(v);
	while (end > v && (end[-1] == '\r' || end[-1] == '\n' ||
	    end[-1] == ' ' || end[-1] == '\t'))
		*--end = '\0';
	return v;
}

/* Keep a header value in w->head; returns its offset there. */
static size_t
keep(struct warc *w, const char *v)
{
	size_t off = w->head.len;

	buf_add(&w->head, v, strlen(v) + 1);
	return off;
}

/*
 * Read the header block of the next record.  Skips empty lines before it;
 * after damage, skips everything up to the next "WARC/1." line.  Returns
 * 1, 0 at the end of input, -1 when the header block is broken.
 */
static int
read_header(struct dumpctx *ctx, struct warc *w, int resync)
{
	struct buf *l = &ctx->line;
	size_t uri = 0, date = 0, ctype = 0, n;
	int have_uri = 0, have_date = 0, have_ctype = 0;
	char *v;

	for (;;) {
		buf_reset(l);
		if ((n = zin_getline(ctx->z, l, MAXHEADER)) == 0)
			return 0;
		if (strncmp(l->s, "WARC/1.", 7) == 0)
			break;
		if (!resync && strspn(l->s, "\r\n") != n)
			return -1;
	}
	w->length = -1;
	w->type[0] = '\0';
	buf_reset(&w->head);
	for (;;) {
		buf_reset(l);
		if ((n = zin_getline(ctx->z, l, MAXHEADER)) == 0 ||
		    l->s[n - 1] != '\n')
			return -1;
		if (strspn(l->s, "\r\n") == n)
			break;
		if ((v = header(l->s, "Content-Length")) != NULL)
			w->length = strtoll(v, NULL, 10);
		else if ((v = header(l->s, "WARC-Type")) != NULL)
			snprintf(w->type, sizeof(w->type), "%s", v);
		else if ((v = header(l->s, "WARC-Target-URI")) != NULL)
			uri = keep(w, v), have_uri = 1;
		else if ((v = header(l->s, "WARC-Date")) != NULL)
			date = keep(w, v), have_date = 1;
		else if ((v = header(l->s, "Content-Type")) != NULL)
			ctype = keep(w, v), have_ctype = 1;
	}
	if (w->length < 0)
		return -1;
	buf_grow(&w->head, 0);
	w->uri = have_uri ? w->head.s + uri : NULL;
	w->date = have_date ? w->head.s + date : NULL;
	w->ctype = have_ctype ? w->head.s + ctype : NULL;
	return 1;
}

static int
is_text_type(const char *ctype)
{
	return ctype == NULL || strncasecmp(ctype, "text/", 5) == 0 ||
	    strncasecmp(ctype, "application/xhtml", 17) == 0;
}

static int
is_html(const char *ctype, const char *body, size_t n)
{
	if (ctype != NULL)
		return strncasecmp(ctype, "text/html", 9) == 0 ||
		    strncasecmp(ctype, "application/xhtml", 17) == 0;
	return n > 0 && memchr(body, '<', n < 512 ? n : 512) != NULL;
}

/* Undo chunked transfer coding in place; returns the new length. */
static size_t
dechunk(char *s, size_t n)
{
	size_t r = 0, w = 0, k;
	char *end;

	while (r < n) {
		k = strtoul(s + r, &end, 16);
		if (end == s + r)
			break;
		r = (size_t)(end - s);
		while (r < n && s[r] != '\n')
			r++;
		r++;
		if (k == 0 || r + k > n)
			break;
		memmove(s + w, s + r, k);
		w += k;
		r += k + 2;	/* the chunk's CRLF */
	}
	return w;
}

/*
 * The text of a response record's HTTP message into w->http, or -1 when
 * it is not text (the caller counts it).
 */
static int
http_text(struct warc *w, char *msg, size_t n)
{
	char *body, *line, *next, *v, *ctype = NULL;
	int chunked = 0, encoded = 0;
	size_t blen;

	if ((body = strstr(msg, "\r\n\r\n")) != NULL)
		body += 4;
	else if ((body = strstr(msg, "\n\n")) != NULL)
		body += 2;
	else
		return -1;
	for (line = strchr(msg, '\n'); line != NULL && line + 1 < body;
	    line = next) {
		line++;
		next = strchr(line, '\n');
		if (next != NULL)
			*next = '\0';
		if ((v = header(line, "Content-Type")) != NULL)
			ctype = v;
		else if ((v = header(line, "Transfer-Encoding")) != NULL)
			chunked = strcasestr(v, "chunked") != NULL;
		else if ((v = header(line, "Content-Encoding")) != NULL)
			encoded = strcasecmp(v, "identity") != 0;
		if (next == NULL || next + 1 >= body)
			break;
	}
	if (encoded || !is_text_type(ctype))
		return -1;
	blen = n - (size_t)(body - msg);
	if (chunked)
		blen = dechunk(body, blen);
	buf_reset(&w->http);
	buf_reset(&w->title);
	if (is_html(ctype, body, blen))
		html_to_text(&w->http, &w->title, body, blen);
	else
		buf_add(&w->http, body, blen);
	return 0;
}

static void
emit(struct dumpctx *ctx, struct warc *w, const char *text, size_t len,
    const char *title, int *rc)
{
	struct document d = { 0 };

	d.source = w->uri != NULL ? w->uri : ctx->path;
	d.name = w->uri != NULL ? w->uri : ctx->path;
	d.idfrom = w->uri != NULL ? ID_URL : ID_FILE;
	d.url = w->uri;
	d.date = w->date;
	d.title = title;
	d.text = text;
	d.len = len;
	*rc |= ctx->fn(&d, ctx->arg) != 0;
}

/* Read past n bytes a chunk at a time; returns how many there were. */
static size_t
skip(struct dumpctx *ctx, size_t n)
{
	size_t got = 0, k;

	do {
		buf_reset(&ctx->text);
		k = zin_getn(ctx->z, &ctx->text, n - got < 65536 ? n - got :
		    65536);
		got += k;
	} while (k > 0 && got < n);
	return got;
}

int
dump_warc(struct dumpctx *ctx)
{
	struct warc w = { 0 };
	unsigned long record = 0, docs = 0, skipped = 0, damage;
	int rc = 0, got, resync = 0;
	char note[256];
	size_t nl;

	for (;;) {
		damage = zin_damage(ctx->z);
		if ((got = read_header(ctx, &w, resync)) == 0)
			break;
		record++;
		resync = 0;
		if (zin_damage(ctx->z) != damage) {
			/* A bad gzip member took a whole record with it. */
			warnx("%s: record %lu: damaged, skipped", ctx->path,
			    record);
			record++;
			rc = 1;
			damage = zin_damage(ctx->z);
		}
		if (got < 0) {
			warnx("%s: record %lu: broken WARC header, skipped",
			    ctx->path, record);
			rc = resync = 1;
			continue;
		}
		if ((unsigned long long)w.length > DUMP_MAXDOC) {
			warnx("%s: record %lu: %s", ctx->path, record,
			    DUMP_TOOBIG);
			rc = 1;
			if (skip(ctx, (size_t)w.length) < (size_t)w.length)
				break;		/* and truncated as well */
			continue;
		}
		buf_reset(&ctx->text);
		if (zin_getn(ctx->z, &ctx->text, (size_t)w.length) <
		    (size_t)w.length) {
			warnx("%s: record %lu: truncated (%lld bytes "
			    "promised, %zu there)", ctx->path, record,
			    w.length, ctx->text.len);
			rc = 1;
			break;
		}
		buf_grow(&ctx->text, 0);
		if (zin_damage(ctx->z) != damage) {
			warnx("%s: record %lu: damaged, skipped", ctx->path,
			    record);
			rc = resync = 1;
			continue;
		}
		if (strcmp(w.type, "conversion") == 0) {
			/* WET: the first line is the page's title. */
			nl = strcspn(ctx->text.s, "\n");
			buf_reset(&w.title);
			buf_add(&w.title, ctx->text.s, nl);
			emit(ctx, &w, ctx->text.s, ctx->text.len, w.title.s, &rc);
			docs++;
		} else if (strcmp(w.type, "resource") == 0 &&
		    is_text_type(w.ctype)) {
			buf_reset(&w.http);
			buf_reset(&w.title);
			if (is_html(w.ctype, ctx->text.s, ctx->text.len))
				html_to_text(&w.http, &w.title, ctx->text.s,
				    ctx->text.len);
			else
				buf_add(&w.http, ctx->text.s, ctx->text.len);
			emit(ctx, &w, w.http.s ? w.http.s : "", w.http.len,
			    w.title.len ? w.title.s : NULL, &rc);
			docs++;
		} else if (strcmp(w.type, "response") == 0 &&
		    http_text(&w, ctx->text.s, ctx->text.len) == 0) {
			emit(ctx, &w, w.http.s ? w.http.s : "", w.http.len,
			    w.title.len ? w.title.s : NULL, &rc);
			docs++;
		} else
			skipped++;
	}
	snprintf(note, sizeof(note), "%s: WARC records %lu, documents %lu, "
	    "skipped (not text) %lu", ctx->path, record, docs, skipped);
	if (ctx->opts->note != NULL)
		ctx->opts->note(note, ctx->arg);
	buf_free(&w.head);
	buf_free(&w.http);
	buf_free(&w.title);
	return rc;
}
