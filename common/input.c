/* input.c: see input.h.  The dump formats are read in dump-*.c. */
#include <sys/stat.h>

#include <dirent.h>
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dumps.h"
#include "input.h"
#include "util.h"
#include "zread.h"

#define MAXDEPTH 256

struct walk {
	struct dumpctx	 ctx;		/* buffers reused for every input */
	dev_t		 dev[MAXDEPTH];	/* directories being walked, for loops */
	ino_t		 ino[MAXDEPTH];
	int		 depth;
};

int
input_format(const char *s)
{
	static const char *names[] = { "auto", "text", "tar", "warc", "jsonl",
	    "gigaword" };
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(s, names[i]) == 0)
			return (int)i;
	return -1;
}

/* Tell the format from the first bytes of the (decompressed) data. */
static enum format
sniff(struct zin *z)
{
	const char *p;
	size_t n, i;

	n = zin_peek(z, &p, 512);
	if (n >= 7 && memcmp(p, "WARC/1.", 7) == 0)
		return FMT_WARC;
	if (n >= 262 && memcmp(p + 257, "ustar", 5) == 0)
		return FMT_TAR;
	i = n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
	while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' ||
	    p[i] == '\n'))
		i++;
	if (i < n && p[i] == '{')
		return FMT_JSONL;
	if (n - i >= 5 && memcmp(p + i, "<DOC", 4) == 0 &&
	    (p[i + 4] == ' ' || p[i + 4] == '>'))
		return FMT_SGML;
	return FMT_TEXT;
}

static int
readfile(struct walk *w, const char *path)
{
	struct dumpctx *ctx = &w->ctx;
	enum format f;
	int fd, rc;

	if (strcmp(path, "-") == 0)
		fd = dup(STDIN_FILENO);
	else
		fd = open(path, O_RDONLY);
	if (fd < 0) {
		warn("%s", path);
		return 1;
	}
	ctx->z = zin_open(fd, path);
	ctx->path = path;
	f = ctx->opts->format == FMT_AUTO ? sniff(ctx->z) : ctx->opts->format;
	switch (f) {
	case FMT_TAR: rc = dump_tar(ctx); break;
	case FMT_WARC: rc = dump_warc(ctx); break;
	case FMT_JSONL: rc = dump_jsonl(ctx); break;
	case FMT_SGML: rc = dump_sgml(ctx); break;
	default: rc = dump_text(ctx); break;
	}
	rc |= zin_damage(ctx->z) != 0;
	zin_close(ctx->z);
	ctx->z = NULL;
	return rc;
}

static int
byname(const void *a, const void *b)
{
	/* walkdir()'s names, after their type byte */
	return strcmp(*(char *const *)a + 1, *(char *const *)b + 1);
}

static int walkpath(struct walk *, const char *, int);

/*
 * Does the directory entry say it is a regular file (not a link to one)?
 * Where d_type is missing or unknown, no: walkpath() then asks stat(2).
 */
static int
isregular(const struct dirent *e)
{
#ifdef DT_REG
	return e->d_type == DT_REG;
#else
	(void)e;
	return 0;
#endif
}

static int
walkdir(struct walk *w, const char *path, const struct stat *st)
{
	DIR *d;
	struct dirent *e;
	char **names = NULL, *sub;
	size_t n = 0, cap = 0, i, plen;
	int i2, rc = 0;

	for (i2 = 0; i2 < w->depth; i2++)
		if (w->dev[i2] == st->st_dev && w->ino[i2] == st->st_ino) {
			warnx("%s: directory loop, skipped", path);
			return 1;
		}
	if (w->depth == MAXDEPTH) {
		warnx("%s: directories nested deeper than %d, skipped",
		    path, MAXDEPTH);
		return 1;
	}
	if ((d = opendir(path)) == NULL) {
		warn("%s", path);
		return 1;
	}
	while ((errno = 0, e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			names = erealloc(names, cap * sizeof(*names));
		}
		/* The name after a byte saying whether it is a regular file. */
		names[n] = emalloc(strlen(e->d_name) + 2);
		names[n][0] = isregular(e) ? 'f' : '?';
		strcpy(names[n] + 1, e->d_name);
		n++;
	}
	if (errno != 0) {
		warn("%s", path);
		rc = 1;
	}
	closedir(d);
	qsort(names, n, sizeof(*names), byname);
	w->dev[w->depth] = st->st_dev;
	w->ino[w->depth] = st->st_ino;
	w->depth++;
	plen = strlen(path);
	while (plen > 1 && path[plen - 1] == '/')
		plen--;
	for (i = 0; i < n; i++) {
		sub = emalloc(plen + strlen(names[i] + 1) + 2);
		memcpy(sub, path, plen);
		sub[plen] = '/';
		strcpy(sub + plen + 1, names[i] + 1);
		/* A regular file needs no stat(2) to be told from the rest. */
		rc |= names[i][0] == 'f' ? readfile(w, sub) : walkpath(w, sub, 0);
		free(sub);
		free(names[i]);
	}
	w->depth--;
	free(names);
	return rc;
}

/* named: the path was given by the user (read it whatever its type). */
static int
walkpath(struct walk *w, const char *path, int named)
{
	struct stat st;

	if (strcmp(path, "-") == 0)
		return readfile(w, path);
	if (stat(path, &st) < 0) {
		warn("%s", path);
		return 1;
	}
	if (S_ISDIR(st.st_mode))
		return walkdir(w, path, &st);
	if (!named && !S_ISREG(st.st_mode))
		return 0;		/* sockets, fifos met in a walk */
	return readfile(w, path);
}

int
input_each(char *const paths[], int n, const struct input_opts *o,
    input_fn fn, void *arg)
{
	struct walk *w;
	int i, rc = 0;

	w = ecalloc(1, sizeof(*w));
	w->ctx.opts = o;
	w->ctx.fn = fn;
	w->ctx.arg = arg;
	if (n == 0)
		rc = walkpath(w, "-", 1);
	for (i = 0; i < n; i++)
		rc |= walkpath(w, paths[i], 1);
	buf_free(&w->ctx.text);
	buf_free(&w->ctx.line);
	buf_free(&w->ctx.meta);
	free(w);
	return rc;
}
