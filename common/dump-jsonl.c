/*
 * dump-jsonl.c: JSON Lines of articles as news crawlers write them, one
 * object per line, parsed with jansson.  news-please writes maintext,
 * title, url, date_publish; CC-News datasets text, title, url, date.  The
 * field names can be set (input_opts.json_*).
 */
#include <err.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "dumps.h"

#define MAXLINE	((size_t)1 << 30)

static const char *text_fields[] = { "maintext", "text", "content", "body",
    "article", NULL };
static const char *title_fields[] = { "title", "headline", NULL };
static const char *url_fields[] = { "url", "link", "source_url", NULL };
static const char *date_fields[] = { "date_publish", "date", "published",
    "datetime", "pub_date", NULL };

/* The string value of the field named, or of the first default present. */
static const char *
field(json_t *obj, const char *name, const char **defaults, size_t *len)
{
	json_t *v;
	size_t i;

	for (i = 0; name != NULL ? i == 0 : defaults[i] != NULL; i++) {
		v = json_object_get(obj, name != NULL ? name : defaults[i]);
		if (json_is_string(v)) {
			*len = json_string_length(v);
			return json_string_value(v);
		}
	}
	*len = 0;
	return NULL;
}

int
dump_jsonl(struct dumpctx *ctx)
{
	const struct input_opts *o = ctx->opts;
	struct document d;
	json_error_t jerr;
	json_t *obj;
	unsigned long lineno = 0, damage;
	const char *text, *base;
	size_t n, tlen, ulen, k;
	char id[64];
	int rc = 0;

	base = strrchr(ctx->path, '/');
	base = base ? base + 1 : ctx->path;
	for (;;) {
		damage = zin_damage(ctx->z);
		buf_reset(&ctx->line);
		if ((n = zin_getline(ctx->z, &ctx->line, MAXLINE)) == 0)
			break;
		lineno++;
		if (strspn(ctx->line.s, " \t\r\n") == n)
			continue;
		if (zin_damage(ctx->z) != damage) {
			warnx("%s:%lu: damaged, skipped", ctx->path, lineno);
			rc = 1;
			continue;
		}
		obj = json_loadb(ctx->line.s, n, JSON_DISABLE_EOF_CHECK |
		    JSON_ALLOW_NUL, &jerr);
		if (obj == NULL || !json_is_object(obj)) {
			warnx("%s:%lu: bad JSON: %s", ctx->path, lineno,
			    obj == NULL ? jerr.text : "not an object");
			json_decref(obj);
			rc = 1;
			continue;
		}
		if ((text = field(obj, o->json_text, text_fields, &tlen)) ==
		    NULL) {
			warnx("%s:%lu: no text field (%s)", ctx->path, lineno,
			    o->json_text ? o->json_text : "maintext, text, ...");
			json_decref(obj);
			rc = 1;
			continue;
		}
		memset(&d, 0, sizeof(d));
		d.title = field(obj, o->json_title, title_fields, &k);
		d.url = field(obj, o->json_url, url_fields, &ulen);
		d.date = field(obj, o->json_date, date_fields, &k);
		if (d.url != NULL && ulen > 0) {
			d.source = d.name = d.url;
			d.idfrom = ID_URL;
		} else {
			/* FILE:LINE names the article; the id is STEM-LINE. */
			buf_reset(&ctx->meta);
			buf_adds(&ctx->meta, ctx->path);
			snprintf(id, sizeof(id), ":%lu", lineno);
			buf_adds(&ctx->meta, id);
			buf_addc(&ctx->meta, '\0');
			k = ctx->meta.len;
			buf_add(&ctx->meta, base, strcspn(base, "."));
			snprintf(id, sizeof(id), "-%lu", lineno);
			buf_adds(&ctx->meta, id);
			d.source = ctx->meta.s;
			d.name = ctx->meta.s + k;
			d.idfrom = ID_GIVEN;
		}
		/* JSON strings may hold NULs; normalize drops them. */
		buf_reset(&ctx->text);
		buf_add(&ctx->text, text, tlen);
		d.text = ctx->text.s;
		d.len = ctx->text.len;
		rc |= ctx->fn(&d, ctx->arg) != 0;
		json_decref(obj);
	}
	return rc;
}
