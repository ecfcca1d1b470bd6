/*
 * dump-file.c: a plain article (the whole input is one document) and tar
 * archives (each regular member is one document), read with libarchive
 * from the already decompressed stream.
 */
#include <archive.h>
#include <archive_entry.h>
#include <err.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dumps.h"

#define CHUNK	(64 * 1024)

int
dump_text(struct dumpctx *ctx)
{
	struct document d = { 0 };

	buf_reset(&ctx->text);
	while (zin_getn(ctx->z, &ctx->text, CHUNK) > 0)
		if (ctx->text.len > DUMP_MAXDOC) {
			warnx("%s: %s", ctx->path, DUMP_TOOBIG);
			return 1;
		}
	if (zin_damage(ctx->z) != 0)
		return 1;	/* zread said what; a damaged text is not used */
	buf_grow(&ctx->text, 0);
	d.source = strcmp(ctx->path, "-") == 0 ? "stdin" : ctx->path;
	d.name = ctx->path;
	d.idfrom = ID_FILE;
	d.text = ctx->text.s;
	d.len = ctx->text.len;
	return ctx->fn(&d, ctx->arg) != 0;
}

/* libarchive reads the decoded stream in blocks of CHUNK bytes, taken
 * where zread has them: the block stays valid until the next call. */
static la_ssize_t
tar_read(struct archive *a, void *arg, const void **p)
{
	const char *q;
	size_t n;

	(void)a;
	n = zin_take(arg, &q, CHUNK);
	*p = q;
	return (la_ssize_t)n;
}

/*
 * Read the current member's data into ctx->text; 0, 1 on error, 2 when
 * it is larger than DUMP_MAXDOC.  The blocks are taken where libarchive
 * has them (for tar, in zread's buffer) rather than copied
 * out by archive_read_data() first; the holes of a sparse member read as
 * zero bytes, as archive_read_data() gives them.
 */
static int
member_data(struct dumpctx *ctx, struct archive *a)
{
	const void *p;
	size_t n;
	la_int64_t off;
	int r;

	buf_reset(&ctx->text);
	/* As for archive_read_data(), a warning or blocks out of order are
	 * errors. */
	while ((r = archive_read_data_block(a, &p, &n, &off)) == ARCHIVE_OK) {
		if (off < 0 || (uint64_t)off < ctx->text.len)
			return 1;
		if ((uint64_t)off > DUMP_MAXDOC)
			return 2;
		if ((size_t)off > ctx->text.len) {
			buf_grow(&ctx->text, (size_t)off - ctx->text.len);
			memset(ctx->text.s + ctx->text.len, 0,
			    (size_t)off - ctx->text.len);
			ctx->text.len = (size_t)off;
		}
		buf_add(&ctx->text, p, n);
		if (ctx->text.len > DUMP_MAXDOC)
			return 2;
	}
	buf_grow(&ctx->text, 0);
	return r != ARCHIVE_EOF;
}

int
dump_tar(struct dumpctx *ctx)
{
	struct archive *a;
	struct archive_entry *e;
	struct document d = { 0 };
	const char *name, *base;
	unsigned long damage, member = 0;
	int r, rc = 0, bad;

	if ((a = archive_read_new()) == NULL)
		errx(EXIT_DATA, "libarchive: out of memory");
	archive_read_support_format_tar(a);
	if (archive_read_open(a, ctx->z, NULL, tar_read, NULL) != ARCHIVE_OK) {
		warnx("%s: %s", ctx->path, archive_error_string(a));
		archive_read_free(a);
		return 1;
	}
	while ((r = archive_read_next_header(a, &e)) == ARCHIVE_OK ||
	    r == ARCHIVE_WARN) {
		member++;
		name = archive_entry_pathname(e);
		if (name == NULL || archive_entry_filetype(e) != AE_IFREG)
			continue;
		base = strrchr(name, '/');
		if ((base ? base + 1 : name)[0] == '.')
			continue;	/* hidden, as in a directory walk */
		damage = zin_damage(ctx->z);
		if ((bad = member_data(ctx, a)) != 0 ||
		    zin_damage(ctx->z) != damage) {
			warnx("%s: member %s: %s", ctx->path, name,
			    zin_damage(ctx->z) != damage ? "damaged, skipped" :
			    bad == 2 ? DUMP_TOOBIG : archive_error_string(a));
			rc = 1;
			continue;
		}
		buf_reset(&ctx->meta);
		buf_adds(&ctx->meta, ctx->path);
		buf_addc(&ctx->meta, ':');
		buf_adds(&ctx->meta, name);
		d.source = ctx->meta.s;
		d.name = name;
		d.idfrom = ID_FILE;
		d.text = ctx->text.s;
		d.len = ctx->text.len;
		rc |= ctx->fn(&d, ctx->arg) != 0;
	}
	if (r != ARCHIVE_EOF) {
		warnx("%s: after member %lu: %s", ctx->path, member,
		    archive_error_string(a) ? archive_error_string(a) :
		    "damaged archive");
		rc = 1;
	}
	archive_read_free(a);
	return rc;
}
