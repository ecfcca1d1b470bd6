/*
 * fuzz-input: normalize's readers on any file.  The bytes are written to
 * a file in /tmp and read with input_each() as normalize reads a file
 * named on the command line: gzip or plain, then the format told by the
 * first bytes (text, tar, WARC/WET, JSON Lines, Gigaword SGML).  Every
 * document handed on is NUL-terminated, has a source and cleans to valid
 * UTF-8; damage is reported, never a crash.
 */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "clean.h"
#include "fuzz.h"
#include "input.h"
#include "utf8.h"
#include "util.h"

static char path[64];
static struct buf clean;

static int
document(const struct document *d, void *arg)
{
	(void)arg;
	FUZZ_ASSERT(d->source != NULL && d->name != NULL);
	FUZZ_ASSERT(d->text != NULL && d->text[d->len] == '\0');
	buf_reset(&clean);
	clean_text(&clean, d->text, d->len);
	if (d->title != NULL)
		clean_text(&clean, d->title, strlen(d->title));
	FUZZ_ASSERT(utf8_valid_prefix(clean.s, clean.len) == clean.len);
	return 0;
}

static void
bye(void)
{
	unlink(path);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_quiet();
	snprintf(path, sizeof(path), "/tmp/lede-fuzz-input.%ld",
	    (long)getpid());
	atexit(bye);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input_opts o = { 0 };
	char *paths[1] = { path };
	int fd;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600)) < 0 ||
	    write(fd, data, size) != (ssize_t)size || close(fd) != 0)
		abort();
	o.format = FMT_AUTO;
	input_each(paths, 1, &o, document, NULL);
	return 0;
}
