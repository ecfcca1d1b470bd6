/* input.c: see input.h. */
#include <sys/stat.h>

#include <dirent.h>
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "input.h"
#include "util.h"

#define GZBUFSIZE (128 * 1024)
#define MAXDEPTH 256

struct walk {
	input_fn	 fn;
	void		*arg;
	struct buf	 data;		/* reused for every file */
	dev_t		 dev[MAXDEPTH];	/* directories being walked, for loops */
	ino_t		 ino[MAXDEPTH];
	int		 depth;
};

/* Read fd (plain or gzip) into w->data; returns 0, or 1 after a message. */
static int
slurp(struct walk *w, int fd, const char *path)
{
	gzFile gz;
	int n, zerr, rc;
	const char *msg;

	if ((gz = gzdopen(fd, "rb")) == NULL) {
		warnx("%s: cannot read: out of memory", path);
		close(fd);
		return 1;
	}
	gzbuffer(gz, GZBUFSIZE);
	buf_reset(&w->data);
	for (;;) {
		buf_grow(&w->data, GZBUFSIZE);
		n = gzread(gz, w->data.s + w->data.len, GZBUFSIZE);
		if (n <= 0)
			break;
		w->data.len += (size_t)n;
	}
	buf_grow(&w->data, 0);
	w->data.s[w->data.len] = '\0';
	if (n < 0) {
		msg = gzerror(gz, &zerr);
		warnx("%s: %s", path, zerr == Z_ERRNO ? strerror(errno) :
		    zerr == Z_DATA_ERROR ? "corrupt gzip data" : msg);
		gzclose_r(gz);
		return 1;
	}
	/* A truncated gzip stream shows only here (zlib defers the error). */
	if ((rc = gzclose_r(gz)) != Z_OK) {
		warnx("%s: %s", path, rc == Z_BUF_ERROR ?
		    "truncated gzip data" : "corrupt gzip data");
		return 1;
	}
	return 0;
}

static int
readfile(struct walk *w, const char *path)
{
	int fd;

	if (strcmp(path, "-") == 0)
		fd = dup(STDIN_FILENO);
	else
		fd = open(path, O_RDONLY);
	if (fd < 0) {
		warn("%s", path);
		return 1;
	}
	if (slurp(w, fd, path))
		return 1;
	return w->fn(path, w->data.s, w->data.len, w->arg) != 0;
}

static int
byname(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int walkpath(struct walk *, const char *, int);

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
		names[n++] = estrdup(e->d_name);
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
		sub = emalloc(plen + strlen(names[i]) + 2);
		memcpy(sub, path, plen);
		sub[plen] = '/';
		strcpy(sub + plen + 1, names[i]);
		rc |= walkpath(w, sub, 0);
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
input_each(char *const paths[], int n, input_fn fn, void *arg)
{
	struct walk *w;
	int i, rc = 0;

	w = ecalloc(1, sizeof(*w));
	w->fn = fn;
	w->arg = arg;
	if (n == 0)
		rc = walkpath(w, "-", 1);
	for (i = 0; i < n; i++)
		rc |= walkpath(w, paths[i], 1);
	buf_free(&w->data);
	free(w);
	return rc;
}
