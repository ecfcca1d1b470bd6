/*
 * dump-sgml.c: Gigaword-style SGML news files: <DOC id=... type=...>
 * blocks, no root element, with <HEADLINE>, <DATELINE> and <TEXT> holding
 * <P> paragraphs of hard-wrapped lines, and &AMP;-style entities.  Each
 * DOC is a document, its id the DOC's id attribute; the headline is the
 * title, the dateline and each <P> a paragraph.
 */
#include <err.h>
#include <string.h>
#include <strings.h>

#include "dumps.h"

#define MAXLINE	(1024 * 1024)

enum part { OUTSIDE, HEAD, DATELINE, TEXT, OTHER };

struct doc {
	struct buf	 id;
	struct buf	 title;
	struct buf	 body;		/* paragraphs, one per line */
	int		 open;		/* inside <DOC> */
	int		 inpara;	/* body ends inside a paragraph */
	unsigned long	 line;		/* where the DOC started */
};

/* The value of attribute name in the tag at s ("id=X" or id="X"). */
static void
attribute(struct buf *out, const char *s, const char *name)
{
	const char *p = s, *end;
	size_t k = strlen(name);
	char q;

	buf_reset(out);
	while ((p = strcasestr(p, name)) != NULL) {
		if ((p == s || p[-1] == ' ' || p[-1] == '\t') && p[k] == '=')
			break;
		p += k;
	}
	if (p == NULL)
		return;
	p += k + 1;
	q = *p == '"' || *p == '\'' ? *p++ : '\0';
	end = p + (q ? strcspn(p, q == '"' ? "\"" : "'") :
	    strcspn(p, " \t>\r\n"));
	buf_add(out, p, (size_t)(end - p));
}

/* Add text (a line of a paragraph) to out, joining wrapped lines. */
static void
add_text(struct buf *out, const char *s, size_t n, int *inpara)
{
	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	if (n == 0)
		return;
	if (*inpara)
		buf_addc(out, ' ');
	decode_entities(out, s, n);
	*inpara = 1;
}

static void
end_para(struct buf *out, int *inpara)
{
	if (*inpara)
		buf_addc(out, '\n');
	*inpara = 0;
}

/* Is the line the tag (alone, as Gigaword writes them)? */
static int
is_tag(const char *line, const char *tag)
{
	size_t k = strlen(tag);

	return strncasecmp(line, tag, k) == 0 &&
	    strspn(line + k, " \t\r\n") == strlen(line + k);
}

static void
emit(struct dumpctx *ctx, struct doc *d, int *rc)
{
	struct document doc = { 0 };

	end_para(&d->body, &d->inpara);
	buf_reset(&ctx->meta);
	buf_adds(&ctx->meta, ctx->path);
	buf_addc(&ctx->meta, ':');
	buf_add(&ctx->meta, d->id.s ? d->id.s : "", d->id.len);
	buf_grow(&d->body, 0);
	buf_grow(&d->title, 0);
	doc.source = ctx->meta.s;
	doc.name = d->id.len ? d->id.s : ctx->path;
	doc.idfrom = d->id.len ? ID_GIVEN : ID_FILE;
	doc.title = d->title.len ? d->title.s : NULL;
	doc.text = d->body.s;
	doc.len = d->body.len;
	*rc |= ctx->fn(&doc, ctx->arg) != 0;
	d->open = 0;
}

static void
begin(struct doc *d, const char *line, unsigned long lineno)
{
	attribute(&d->id, line, "id");
	buf_grow(&d->id, 0);
	buf_reset(&d->title);
	buf_reset(&d->body);
	d->inpara = 0;
	d->open = 1;
	d->line = lineno;
}

int
dump_sgml(struct dumpctx *ctx)
{
	struct doc d = { 0 };
	struct buf *l = &ctx->line;
	enum part part = OUTSIDE;
	unsigned long lineno = 0, damage = zin_damage(ctx->z);
	int rc = 0, titlepara = 0;
	size_t n;

	for (;;) {
		buf_reset(l);
		if ((n = zin_getline(ctx->z, l, MAXLINE)) == 0)
			break;
		lineno++;
		if (strncasecmp(l->s, "<DOC", 4) == 0 &&
		    (l->s[4] == ' ' || l->s[4] == '>')) {
			if (d.open) {
				warnx("%s:%lu: DOC %s has no </DOC>, skipped",
				    ctx->path, d.line, d.id.s ? d.id.s : "");
				rc = 1;
			}
			begin(&d, l->s, lineno);
			damage = zin_damage(ctx->z);
			part = OTHER;
			continue;
		}
		if (!d.open)
			continue;	/* between documents */
		if (is_tag(l->s, "</DOC>")) {
			if (zin_damage(ctx->z) != damage) {
				warnx("%s:%lu: DOC %s damaged, skipped",
				    ctx->path, d.line, d.id.s);
				rc = 1;
				d.open = 0;
			} else
				emit(ctx, &d, &rc);
			part = OUTSIDE;
		} else if (is_tag(l->s, "<HEADLINE>"))
			part = HEAD, titlepara = 0;
		else if (is_tag(l->s, "<DATELINE>"))
			part = DATELINE;
		else if (is_tag(l->s, "<TEXT>"))
			part = TEXT;
		else if (is_tag(l->s, "</HEADLINE>") ||
		    is_tag(l->s, "</TEXT>")) {
			part = OTHER;
		} else if (is_tag(l->s, "</DATELINE>")) {
			end_para(&d.body, &d.inpara);
			part = OTHER;
		} else if (is_tag(l->s, "<P>") || is_tag(l->s, "</P>"))
			end_para(&d.body, &d.inpara);
		else if (part == HEAD)
			add_text(&d.title, l->s, n, &titlepara);
		else if (part == DATELINE || part == TEXT)
			add_text(&d.body, l->s, n, &d.inpara);
	}
	if (d.open) {
		warnx("%s:%lu: DOC %s has no </DOC>, skipped", ctx->path,
		    d.line, d.id.s ? d.id.s : "");
		rc = 1;
	}
	buf_free(&d.id);
	buf_free(&d.title);
	buf_free(&d.body);
	return rc;
}
